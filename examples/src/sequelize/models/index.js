'use strict';
// The legacy cart service (plain JavaScript, sequelize-cli layout): one Sequelize instance,
// every model defined by a factory in this folder.
const { Sequelize, DataTypes } = require('sequelize');

// deliberate: require-pool-size — the cart runs on Sequelize's default pool of 5 that nobody chose, behind 8 workers
const sequelize = new Sequelize(process.env.CART_DATABASE_URL, { logging: false });

const models = {
  Cart: require('./cart')(sequelize, DataTypes),
  CartItem: require('./cart-item')(sequelize, DataTypes),
  Wishlist: require('./wishlist')(sequelize, DataTypes),
};

for (const model of Object.values(models)) {
  if (typeof model.associate === 'function') model.associate(models);
}

module.exports = { ...models, sequelize, Sequelize };
