'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class Cart extends Model {
    static associate(models) {
      Cart.hasMany(models.CartItem, { as: 'items', foreignKey: 'cartId' });
    }
  }

  Cart.init(
    {
      id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
      customerId: { type: DataTypes.UUID, allowNull: false },
      status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'open' },
    },
    {
      sequelize,
      modelName: 'Cart',
      tableName: 'carts',
      indexes: [{ fields: ['customerId', 'status'] }],
      defaultScope: {
        where: { status: 'open' },
        include: [{ association: 'items' }], // deliberate: no-eager-relations — every Cart query joins its items, even Cart.count()
      },
    },
  );

  return Cart;
};
