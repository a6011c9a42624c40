'use strict';

module.exports = (sequelize, DataTypes) => {
  const Wishlist = sequelize.define(
    'Wishlist',
    {
      id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
      customerId: { type: DataTypes.UUID, allowNull: false },
      archivedAt: { type: DataTypes.DATE, allowNull: true },
    },
    {
      tableName: 'wishlists',
      indexes: [{ fields: ['customerId'] }],
      defaultScope: { where: { archivedAt: null } },
      scopes: { withItems: { include: [{ association: 'items' }] } },
    },
  );

  Wishlist.associate = (models) => {
    Wishlist.hasMany(models.CartItem, { as: 'items', foreignKey: 'wishlistId' });
    // deliberate: no-eager-relations — replaces the default scope with one that joins the items everywhere
    Wishlist.addScope('defaultScope', { where: { archivedAt: null }, include: [{ association: 'items' }] }, { override: true });
  };

  return Wishlist;
};
