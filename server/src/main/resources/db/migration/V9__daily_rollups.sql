-- Daily roll-ups (days of Vietnam's calendar) beside the hourly ones: the dashboard's periods of a
-- week or more read a day's row instead of twenty-four.
CREATE TABLE post_daily
(
    scope      VARCHAR(40)  NOT NULL,
    dim        VARCHAR(10)  NOT NULL,
    val        VARCHAR(200) NOT NULL,
    restricted BOOLEAN      NOT NULL,
    day        DATE         NOT NULL,
    posts      INT          NOT NULL,
    negative   INT          NOT NULL,
    neutral    INT          NOT NULL,
    positive   INT          NOT NULL,
    toxic      INT          NOT NULL,
    PRIMARY KEY (scope, dim, val, restricted, day)
);
CREATE INDEX post_daily_time ON post_daily (scope, dim, day);

INSERT INTO post_daily (scope, dim, val, restricted, day, posts, negative, neutral, positive, toxic)
SELECT scope, dim, val, restricted, (hour AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, sum(posts), sum(negative), sum(neutral),
       sum(positive), sum(toxic)
FROM post_hourly GROUP BY 1, 2, 3, 4, 5;

-- Stories with more than one post, by when they were last active: the dashboard's top stories.
CREATE INDEX story_active ON story (last_seen) WHERE posts > 1;

SELECT loa_grant_to_app('post_daily', 'SELECT, INSERT, UPDATE');
