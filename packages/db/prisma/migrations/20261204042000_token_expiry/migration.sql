-- Every personal API token expires (90 days by default since the token scopes; at most a year ahead): tokens
-- issued before that have none and would never expire. They get the default from today, as one issued today
-- would: the end of the 90th day after today in Vietnam (UTC+7, no daylight saving), stored in UTC.
UPDATE "ApiToken"
   SET "expiresAt" = ((now() AT TIME ZONE 'UTC' + interval '7 hours')::date + 91)::timestamp - interval '7 hours' - interval '1 millisecond'
 WHERE "expiresAt" IS NULL;
