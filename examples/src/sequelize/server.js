'use strict';
// Start-up of the legacy cart service: connect, then serve.
const { sequelize } = require('./models');

async function start(app, port) {
  await sequelize.authenticate();
  // deliberate: no-schema-sync — alters the cart tables to match the models on every boot, outside any migration
  await sequelize.sync({ alter: true });
  return app.listen(port);
}

module.exports = { start };
