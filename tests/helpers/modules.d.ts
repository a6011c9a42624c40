declare module 'espree';
