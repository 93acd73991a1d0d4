-- Sign-in sessions, last sign-in, and personal access tokens addressed as DHIS2 does.
-- The session policy (idle and absolute limits) is described in src/server/access/README.md.

-- A session ends at `expires` (the absolute limit, set at sign-in) or after an idle period
-- measured from `last_seen`, whichever comes first.
ALTER TABLE app_session ADD COLUMN last_seen timestamptz NOT NULL DEFAULT now();
CREATE INDEX app_session_user ON app_session (user_id);

ALTER TABLE app_user ADD COLUMN last_login timestamptz;

-- DHIS2's /api/apiToken/{uid}: a token is addressed by an 11-character UID, never by its secret.
ALTER TABLE api_token ADD COLUMN uid text;
UPDATE api_token SET uid = 'T' || lpad(id::text, 10, '0');
ALTER TABLE api_token ALTER COLUMN uid SET NOT NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_uid_key UNIQUE (uid);
CREATE INDEX api_token_user ON api_token (user_id);
