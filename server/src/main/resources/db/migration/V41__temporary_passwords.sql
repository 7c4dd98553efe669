-- A password an administrator set (a new account's first, or a reset) is the person's only until they
-- choose their own: until then every page leads to the change-password form.
ALTER TABLE app_user ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;
