import { Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Review } from './Review';

@Entity({ tableName: 'reviewers' })
export class Reviewer {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 80, nullable: false })
  displayName!: string;

  // Correct: a reviewer's reviews are populated per query (ReviewService.reviewerProfile).
  @OneToMany(() => Review, (review) => review.reviewer)
  reviews = new Collection<Review>(this);
}
