// Analytics reads the order database through Prisma.
import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
