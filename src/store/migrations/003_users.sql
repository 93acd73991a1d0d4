-- Users, roles, org-unit scopes, sessions and personal access tokens.
CREATE TABLE app_user (
  id             serial PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  email          text,
  -- scrypt: 'scrypt$N$r$p$salt(base64)$hash(base64)'
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('superuser', 'data_manager', 'data_entry', 'viewer')),
  language       text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  disabled       boolean NOT NULL DEFAULT false,
  created        timestamptz NOT NULL DEFAULT now()
);

-- The roots of the subtrees a user may read and write.
CREATE TABLE app_user_org_unit (
  user_id     integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, org_unit_id)
);

CREATE TABLE app_session (
  -- SHA-256 of the random session token carried by the cookie (the token itself is never stored).
  token_hash  text PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created     timestamptz NOT NULL DEFAULT now(),
  expires     timestamptz NOT NULL
);

CREATE TABLE api_token (
  id          serial PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  user_id     integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name        text NOT NULL,
  created     timestamptz NOT NULL DEFAULT now(),
  expires     timestamptz,
  last_used   timestamptz
);
