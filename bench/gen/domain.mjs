// A small domain per generated app: entities, their columns and relations. Every emitter draws
// from it, so an app's entities, services, controllers and migrations agree with one another.
import { camel, plural, snake } from './random.mjs';

const DOMAINS = {
  shop: ['Customer', 'Address', 'Product', 'Category', 'Order', 'OrderItem', 'Payment', 'Shipment', 'Coupon', 'Review', 'Warehouse', 'StockLevel', 'Supplier', 'Refund'],
  saas: ['Organization', 'User', 'Team', 'Membership', 'Project', 'Task', 'Comment', 'Attachment', 'Invitation', 'ApiKey', 'Webhook', 'AuditLog', 'Subscription', 'Plan', 'Invoice'],
  blog: ['Author', 'Post', 'Tag', 'Comment', 'Category', 'Media', 'Subscriber', 'Newsletter', 'Reaction', 'Series'],
  travel: ['Hotel', 'Room', 'Guest', 'Booking', 'RatePlan', 'Payment', 'Review', 'Amenity', 'Invoice', 'Cancellation'],
  fleet: ['Vehicle', 'Driver', 'Trip', 'Route', 'Stop', 'FuelLog', 'MaintenanceRecord', 'Depot', 'Incident', 'Shift'],
  support: ['Customer', 'Agent', 'Ticket', 'Message', 'Conversation', 'Tag', 'Macro', 'SlaPolicy', 'Satisfaction', 'Team'],
  lms: ['Student', 'Instructor', 'Course', 'Lesson', 'Enrollment', 'Quiz', 'Question', 'Answer', 'Certificate', 'Cohort'],
  hr: ['Employee', 'Department', 'Position', 'LeaveRequest', 'Payslip', 'Review', 'Goal', 'Benefit', 'Timesheet', 'Office'],
};

const FIELD_POOL = [
  ['name', 'string'], ['title', 'string'], ['email', 'string'], ['slug', 'string'], ['description', 'text'],
  ['status', 'enum'], ['sku', 'string'], ['currency', 'string'], ['country', 'string'], ['city', 'string'],
  ['phone', 'string'], ['url', 'string'], ['label', 'string'], ['code', 'string'], ['note', 'text'],
  ['reference', 'string'], ['quantity', 'int'], ['position', 'int'], ['priority', 'int'], ['attempts', 'int'],
  ['stock', 'int'], ['score', 'int'], ['views', 'int'], ['price', 'decimal'], ['amount', 'decimal'],
  ['total', 'decimal'], ['balance', 'decimal'], ['weight', 'decimal'], ['rate', 'decimal'], ['active', 'bool'],
  ['archived', 'bool'], ['verified', 'bool'], ['published', 'bool'], ['enabled', 'bool'], ['startsAt', 'date'],
  ['endsAt', 'date'], ['expiresAt', 'date'], ['paidAt', 'date'], ['publishedAt', 'date'], ['lastSeenAt', 'date'],
  ['metadata', 'json'], ['settings', 'json'], ['payload', 'json'], ['externalId', 'string'], ['locale', 'string'],
];

const STATUSES = [
  ['draft', 'active', 'archived'],
  ['pending', 'paid', 'failed', 'refunded'],
  ['open', 'in_progress', 'resolved', 'closed'],
  ['requested', 'approved', 'rejected'],
  ['scheduled', 'running', 'done', 'cancelled'],
];

/**
 * @param r the seeded random
 * @param eagerRate share of to-one relations declared eager (the positives the rule should find)
 */
export function makeDomain(r, { eagerRate = 0.12 } = {}) {
  const [domainName, names] = r.pick(Object.entries(DOMAINS));
  const chosen = names.slice(0, r.int(5, names.length));
  const entities = chosen.map((name, index) => {
    const fields = r.sample(FIELD_POOL, r.int(3, 9)).map(([field, type]) => ({
      name: field,
      column: snake(field),
      type,
      nullable: r.chance(0.25),
      length: type === 'string' ? r.pick([32, 64, 120, 255]) : undefined,
      values: type === 'enum' ? r.pick(STATUSES) : undefined,
    }));
    return {
      index,
      name,
      var: camel(name),
      plural: plural(camel(name)),
      table: plural(snake(name)),
      fields,
      relations: [],
      softDelete: r.chance(0.2),
      uuid: r.chance(0.4),
    };
  });
  for (const entity of entities.slice(1)) {
    const targets = r.sample(entities.slice(0, entity.index), r.int(0, Math.min(3, entity.index)));
    for (const target of targets) {
      const eager = r.chance(eagerRate);
      entity.relations.push({
        kind: r.chance(0.85) ? 'm:1' : '1:1',
        name: camel(target.name),
        target,
        eager,
        explicitLazy: !eager && r.chance(0.06),
        nullable: r.chance(0.3),
        onDelete: r.pick([undefined, 'CASCADE', 'SET NULL', 'RESTRICT']),
      });
      if (r.chance(0.55)) {
        target.relations.push({
          kind: '1:m',
          name: plural(camel(entity.name)),
          target: entity,
          inverseOf: camel(target.name),
          eager: r.chance(eagerRate / 3),
          explicitLazy: false,
        });
      }
    }
    if (r.chance(0.12) && entity.index > 2) {
      const target = r.pick(entities.slice(0, entity.index));
      if (!entity.relations.some((rel) => rel.target === target)) {
        entity.relations.push({ kind: 'm:n', name: plural(camel(target.name)), target, eager: r.chance(eagerRate / 2), explicitLazy: false, owner: true });
      }
    }
  }
  return { name: domainName, entities };
}

/** Sample values for a field, as source text. */
export function sampleValue(r, field) {
  switch (field.type) {
    case 'int':
      return String(r.int(0, 500));
    case 'decimal':
      return `${r.int(1, 900)}.${r.int(10, 99)}`;
    case 'bool':
      return r.pick(['true', 'false']);
    case 'date':
      return 'new Date()';
    case 'json':
      return '{}';
    case 'enum':
      return `'${field.values[0]}'`;
    default:
      return `'${r.pick(['alpha', 'beta', 'gamma', 'delta', 'omega'])}-${r.int(1, 99)}'`;
  }
}

export const tsType = (field) =>
  ({ string: 'string', text: 'string', int: 'number', decimal: 'string', bool: 'boolean', date: 'Date', json: 'Record<string, unknown>' })[field.type] ??
  field.values.map((v) => `'${v}'`).join(' | ');
