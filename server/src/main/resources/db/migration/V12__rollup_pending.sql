-- Posts stored whose roll-ups are not written yet. An import stores a batch of posts and, in the same
-- transaction, a row here naming them; the roll-ups are written in a second transaction that deletes
-- the row, while the next batch is being stored. A row left by a crash is applied at the next start.
CREATE TABLE rollup_pending
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_ids   BIGINT[]                 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- UPDATE only for SELECT ... FOR UPDATE, which takes a row no one else is applying
SELECT loa_grant_to_app('rollup_pending', 'SELECT, INSERT, UPDATE, DELETE');
