'use strict';
const axios = require('axios');
const { QueryTypes } = require('sequelize');
const { sequelize, Cart, CartItem, Wishlist } = require('./models');

const ERP_URL = process.env.ERP_URL || 'https://erp.internal';

/** The cart page needs the items: asked for in this query. */
async function getCartPage(cartId) {
  return Cart.findByPk(cartId, { include: [{ association: 'items' }] });
}

async function itemsWithCart(cartId) {
  return CartItem.scope('withCart').findAll({ where: { cartId } });
}

async function wishlistOf(customerId) {
  return Wishlist.scope('withItems').findOne({ where: { customerId } });
}

/** Parameterised: the customer id travels as a replacement. */
async function openCartsOf(customerId) {
  return sequelize.query('SELECT id, status FROM carts WHERE "customerId" = :customerId AND status = \'open\'', {
    replacements: { customerId },
    type: QueryTypes.SELECT,
  });
}

async function abandonedCarts(olderThanDays) {
  // deliberate: no-interpolated-sql — the number of days is spliced into the SQL text
  return sequelize.query(`SELECT id FROM carts WHERE status = 'open' AND "updatedAt" < NOW() - INTERVAL '${olderThanDays} days'`, {
    type: QueryTypes.SELECT,
  });
}

/** Wrong: the ERP is called while the cart row is locked. */
async function checkoutHoldingLocks(cartId) {
  return sequelize.transaction(async (t) => {
    const cart = await Cart.findByPk(cartId, { transaction: t, lock: t.LOCK.UPDATE });
    await cart.update({ status: 'checked_out' }, { transaction: t });
    await axios.post(`${ERP_URL}/orders`, { cartId }); // deliberate: no-io-in-transaction — HTTP call while the row lock is held
    return cart;
  });
}

/** Right: the ERP hears about the order after commit, and never about a rolled-back one. */
async function checkout(cartId) {
  return sequelize.transaction(async (t) => {
    const cart = await Cart.findByPk(cartId, { transaction: t, lock: t.LOCK.UPDATE });
    await cart.update({ status: 'checked_out' }, { transaction: t });
    t.afterCommit(() => axios.post(`${ERP_URL}/orders`, { cartId }));
    return cart;
  });
}

/** Wrong: the items are emptied without the transaction, so a failed merge still loses them. */
async function mergeCartsHalfAtomic(fromCartId, intoCartId) {
  return sequelize.transaction(async (t) => {
    await CartItem.update({ cartId: intoCartId }, { where: { cartId: fromCartId }, transaction: t });
    // deliberate: no-outer-client-in-transaction — no `{ transaction: t }`: runs on another connection
    await Cart.destroy({ where: { id: fromCartId } });
  });
}

/** Right: every call passes the transaction in its options. */
async function mergeCarts(fromCartId, intoCartId) {
  return sequelize.transaction(async (transaction) => {
    await CartItem.update({ cartId: intoCartId }, { where: { cartId: fromCartId }, transaction });
    await Cart.destroy({ where: { id: fromCartId }, transaction });
  });
}

module.exports = {
  getCartPage,
  itemsWithCart,
  wishlistOf,
  openCartsOf,
  abandonedCarts,
  checkoutHoldingLocks,
  checkout,
  mergeCartsHalfAtomic,
  mergeCarts,
};
