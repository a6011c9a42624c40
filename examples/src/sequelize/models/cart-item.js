'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class CartItem extends Model {
    static associate(models) {
      CartItem.belongsTo(models.Cart, { as: 'cart', foreignKey: 'cartId' });
    }
  }

  CartItem.init(
    {
      id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
      cartId: { type: DataTypes.UUID, allowNull: true },
      wishlistId: { type: DataTypes.UUID, allowNull: true }, // items saved for later
      productSku: { type: DataTypes.STRING(64), allowNull: false },
      quantity: { type: DataTypes.INTEGER, allowNull: false },
      internalNote: { type: DataTypes.TEXT, allowNull: true },
    },
    {
      sequelize,
      modelName: 'CartItem',
      tableName: 'cart_items',
      indexes: [{ fields: ['cartId'] }, { fields: ['wishlistId'] }],
      // Correct: the default scope only trims columns; the join is a named scope, used where needed.
      defaultScope: { attributes: { exclude: ['internalNote'] } },
      scopes: {
        withCart: { include: [{ association: 'cart' }] },
      },
    },
  );

  return CartItem;
};
