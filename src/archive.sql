-- archive.sql — the arcbatt archive, schema version 1: what turns an empty SQLite database into
-- an archive. archive.c applies it (and any later migration) in one transaction, then sets
-- PRAGMA user_version to the version reached and application_id to arcbatt's.
-- A later schema adds a migration from version 1 (see docs/ARCHITECTURE.md, "The archive").

-- Every program stored once, by its canonical text (progtext.c: variables named by position).
CREATE TABLE program (
	id     INTEGER PRIMARY KEY,
	hash   TEXT NOT NULL UNIQUE,  -- XXH3-128 of text, 32 hex digits
	text   TEXT NOT NULL,         -- the body: "    x1 = f(I)\n ... return O\n" (no def line)
	size   INTEGER NOT NULL,      -- instructions
	origin TEXT NOT NULL CHECK (origin IN ('written', 'enumerated', 'mutated')),
	parent INTEGER REFERENCES program (id), -- mutated: the program it was made from
	donor  INTEGER REFERENCES program (id), -- spliced: the program a piece came from
	op     TEXT,                  -- mutated: the operators, e.g. 'arg', 'swap+const', 'shrink'
	source TEXT,                  -- written: 'file:name' it was read from
	round  INTEGER NOT NULL       -- the round that first stored it
);

-- The tasks programs were scored on.
CREATE TABLE task (
	name   TEXT PRIMARY KEY,      -- the task id, e.g. '007bbfb7'
	ntrain INTEGER NOT NULL,      -- train pairs
	ntest  INTEGER NOT NULL,      -- test pairs
	known  INTEGER NOT NULL       -- 1 when every test output is known (tasks can be solved)
) WITHOUT ROWID;

-- Per task, the programs that scored there: how they did on the demonstrations (what ranks
-- them), their cost, and whether their test outputs were right (kept for measurement only).
CREATE TABLE score (
	task      TEXT NOT NULL REFERENCES task (name),
	program   INTEGER NOT NULL REFERENCES program (id),
	exact     INTEGER NOT NULL,   -- train pairs reproduced exactly
	failed    INTEGER NOT NULL,   -- train pairs on which it failed
	closeness REAL NOT NULL,      -- mean closeness over the train pairs (arc_closeness)
	cost      INTEGER NOT NULL,   -- work units over the train inputs (arc_evaluator_work)
	test_ok   INTEGER,            -- test outputs it got right; NULL when they are not known
	round     INTEGER NOT NULL,   -- when it was stored: round ...
	step      INTEGER NOT NULL,   -- ... and step: 1 battery, 2 search, 3 mutation
	PRIMARY KEY (task, program)
) WITHOUT ROWID;
CREATE INDEX score_program ON score (program);

-- The rounds of evolution: a round is complete when step is 3.
CREATE TABLE round (
	n       INTEGER PRIMARY KEY,  -- 1, 2, ...
	seed    INTEGER NOT NULL,     -- the seed its mutations were drawn with
	step    INTEGER NOT NULL DEFAULT 0, -- the last step completed (0: none yet)
	seconds REAL NOT NULL DEFAULT 0     -- wall time spent on it (not part of its content)
);
