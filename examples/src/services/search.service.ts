import { db } from '../db/knex';

export type ProductSort = 'price' | 'newest';

/** Parameterised: the search term is a binding, and the sort picks one of two constant clauses. */
export function searchProducts(term: string, sort: ProductSort) {
  return db('products')
    .select('id', 'name', 'price_cents')
    .whereRaw('name ILIKE ?', [`%${term}%`])
    .orderByRaw(sort === 'price' ? 'price_cents ASC' : 'created_at DESC')
    .limit(50);
}

export function productsByTag(tag: string) {
  return db('products')
    .select('id', 'name')
    .whereRaw(`tags @> ARRAY['${tag}']::text[]`); // deliberate: no-interpolated-sql — the tag is spliced into the SQL text
}

/** knex's identifier binding (`??`) escapes the column name. */
export function distinctValues(column: 'brand' | 'colour') {
  return db('products').distinct(db.raw('?? AS value', [column])).orderBy('value');
}
