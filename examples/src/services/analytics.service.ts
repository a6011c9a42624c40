import { Prisma } from '@prisma/client';
import { prisma } from '../db/prisma';

export interface CountryRevenue {
  country: string;
  revenue_cents: bigint;
}

/** Safe by construction: `$queryRaw` sends every `${}` as a bound parameter. */
export function revenueByCountry(since: Date): Promise<CountryRevenue[]> {
  return prisma.$queryRaw<CountryRevenue[]>`
    SELECT c.country, SUM(o."totalCents") AS revenue_cents
    FROM orders o JOIN customers c ON c.id = o."customerId"
    WHERE o."createdAt" >= ${since}
    GROUP BY c.country`;
}

/** The unsafe API used safely: the text is constant, the value a positional parameter. */
export function ordersForCoupon(code: string) {
  return prisma.$queryRawUnsafe('SELECT id, "totalCents" FROM orders WHERE coupon_code = $1', code);
}

export function ordersForCampaign(campaign: string) {
  return prisma.$queryRawUnsafe(
    // deliberate: no-interpolated-sql — $queryRawUnsafe with the campaign code spliced in
    `SELECT id, "totalCents" FROM orders WHERE utm_campaign = '${campaign}'`,
  );
}

/** Fragments composed with Prisma.sql stay parameterised. */
export function customersIn(country: string | undefined) {
  const filter = country ? Prisma.sql`WHERE country = ${country}` : Prisma.empty;
  return prisma.$queryRaw`SELECT id, email FROM customers ${filter} ORDER BY id LIMIT 100`;
}

export function leaderboard(orderBy: string) {
  return prisma.$queryRaw`
    SELECT "customerId", COUNT(*) AS orders, SUM("totalCents") AS spent
    FROM orders GROUP BY "customerId"
    ORDER BY ${Prisma.raw(orderBy)} LIMIT 20`; // deliberate: no-interpolated-sql — Prisma.raw() of the request's sort parameter
}
