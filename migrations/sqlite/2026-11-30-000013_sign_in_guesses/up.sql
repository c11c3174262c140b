-- Password guesses counted in fixed windows that every server shares, so that servers behind
-- a balancer give one address one allowance, not one each. A key is a keyed hash of the source
-- (or of the account and the source): no address or user name is stored. Rows older than two
-- hours are removed as guesses come in.
CREATE TABLE sign_in_guesses (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX sign_in_guesses_window ON sign_in_guesses (window_start);
