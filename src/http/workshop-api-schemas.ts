// What each workshop route answers in `data` (response-schemas.ts spreads these in): the OpenAPI document describes
// the workshop routes with them and the workshop tests parse every answer with the same schemas.
import { z } from 'zod';
import { COMMENT_STATUSES, DECISIONS, SCORE_VALUES, WORKSHOP_ROLES, WORKSHOP_STATUSES } from '../domain/workshop.js';

const count = z.number().int().nonnegative();
const mean = z.number().min(0).max(5).nullable();
const Tally = z.object({ responses: count, mean });
const Role = z.enum(WORKSHOP_ROLES);
const Decision = z.object({ decision: z.enum(DECISIONS), reason: z.string(), decided_at: z.string() }).nullable();
const IdTitle = z.looseObject({ id: z.string(), title: z.string() });

const Option = z.looseObject({ id: z.string(), title: z.string(), summary: z.string(), easy_read: z.string().nullable(), position: z.number().int(), scoring_open: z.boolean(), decision: Decision });
export const WorkshopSchema = z.looseObject({
  code: z.string(),
  display_code: z.string(),
  join_path: z.string(),
  council_code: z.string(),
  council_name: z.string(),
  title: z.string(),
  theme: z.string().nullable(),
  group: z.string().nullable(),
  status: z.enum(WORKSHOP_STATUSES),
  created_at: z.string(),
  options: z.array(Option),
  factors: z.array(z.looseObject({ id: z.string(), title: z.string(), question: z.string() })),
  scale: z.array(z.looseObject({ score: z.number().int(), means: z.string() })),
});

const Comment = z.looseObject({ id: z.string(), option: z.string(), role: Role, text: z.string(), status: z.enum(COMMENT_STATUSES), created_at: z.string() });

export const ResultsSchema = z.looseObject({
  code: z.string(),
  title: z.string(),
  council_name: z.string(),
  status: z.enum(WORKSHOP_STATUSES),
  participants: z.looseObject({ total: count, by_role: z.record(Role, count) }),
  options: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      participants: count,
      responses: count,
      mean,
      by_role: z.record(Role, Tally),
      by_factor: z.record(z.string(), Tally),
      spread: z.record(z.enum(SCORE_VALUES), count),
      comments: z.array(Comment),
      decision: Decision,
    }),
  ),
  version: z.string(),
});

const ParticipantView = z.looseObject({
  role: Role,
  scores: z.array(z.looseObject({ option: z.string(), factor: z.string(), score: z.number().int().min(0).max(5) })),
  comments: z.array(z.looseObject({ option: z.string(), text: z.string() })),
});

export const WORKSHOP_RESPONSES: Record<string, z.ZodTypeAny> = {
  '/api/workshops': z.looseObject({ code: z.string(), display_code: z.string(), join_path: z.string(), facilitator_key: z.string(), options: z.array(IdTitle), factors: z.array(IdTitle) }),
  // GET answers the workshop; DELETE answers {"deleted": true}.
  '/api/workshops/{workshop}': z.union([WorkshopSchema, z.object({ deleted: z.literal(true) })]),
  '/api/workshops/{workshop}/participants': z.object({ participant_key: z.string() }),
  // GET: everything the participant has given so far; PUT: what this submission saved, with how many.
  '/api/workshops/{workshop}/scores': ParticipantView.extend({ saved: z.object({ scores: count, comments: count, comments_taken_back: count }).optional() }),
  '/api/workshops/{workshop}/results': ResultsSchema,
  '/api/workshops/{workshop}/comments': z.array(Comment),
  '/api/workshops/{workshop}/comments/{comment}': z.looseObject({ id: z.string(), status: z.enum(['approved', 'hidden']) }),
  '/api/workshops/{workshop}/options/{option}/scoring': WorkshopSchema,
  '/api/workshops/{workshop}/options/{option}/decision': WorkshopSchema,
  '/api/workshops/{workshop}/options': WorkshopSchema,
  '/api/workshops/{workshop}/close': ResultsSchema,
  '/api/workshops/{workshop}/reopen': ResultsSchema,
};
