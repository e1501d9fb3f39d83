// Shared zod building blocks for the domain: codes, dates, URLs.
import { z } from 'zod';

/** GSS code of a council (E06, E08, E09, E10 entities), e.g. E10000017 for Lancashire. */
export const CouncilCode = z.string().regex(/^E(06|08|09|10)\d{6}$/, 'must be a council GSS code such as E10000017');

/** A date as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** A full calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');

/** An ISO timestamp with time zone, as stored for fetches and runs. */
export const Timestamp = z.string().datetime({ offset: true });

export const HttpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** Record ids chosen by people (curated files) or derived by adapters: lower-case slug with dots, colons, underscores. */
export const RecordId = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be a lower-case slug (a-z, 0-9, . _ : -)');

export const Confidence = z.number().min(0).max(1);

export const NonEmptyText = z.string().trim().min(1);
