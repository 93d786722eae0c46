-- Imported responses kept in packed blocks: one row per block of up to 2,048 responses, one
-- line per response (respondent, layer, domain, answers), so that importing a million
-- respondents writes a few hundred rows instead of a million. Answers given one at a time
-- through the form stay rows of survey_responses.
CREATE TABLE survey_response_blocks (
    wave_id   BIGINT NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    block     BIGINT NOT NULL,
    responses BIGINT NOT NULL CHECK (responses > 0),
    packed    TEXT NOT NULL,
    PRIMARY KEY (wave_id, block)
);
