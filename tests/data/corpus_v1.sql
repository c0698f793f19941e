BEGIN TRANSACTION;
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL COLLATE NOCASE,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
INSERT INTO "aliases" VALUES(1,'Reyes',1);
INSERT INTO "aliases" VALUES(1,'Alma Reyes',1);
INSERT INTO "aliases" VALUES(2,'Reyes',1);
INSERT INTO "aliases" VALUES(3,'Tom Okafor',1);
INSERT INTO "aliases" VALUES(3,'Okafor',1);
INSERT INTO "aliases" VALUES(4,'Portvale',1);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT UNIQUE NOT NULL,
    location TEXT NOT NULL,
    record_id TEXT,
    url TEXT,
    source TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    body TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id),
    data TEXT,
    metadata TEXT,
    minhash BLOB
);
INSERT INTO "articles" VALUES(1,'e4997b18bc3e6a24b500ec7887a440a54ab832b9ef997e303c3d0a14f6498351','/data/v1.jsonl:1','v1-a',NULL,'Gazette',NULL,NULL,'2024-03-05','Mayor Alma Reyes said on Tuesday that the city would open two new libraries. "Every child deserves a quiet place to read," Reyes said. The plan will cost $4 million.',NULL,'{"schema_version": 1, "title": null, "dateline": null, "agency": null, "byline": null, "publisher": null, "published": "2024-03-05", "body": "Mayor Alma Reyes said on Tuesday that the city would open two new libraries. \"Every child deserves a quiet place to read,\" Reyes said. The plan will cost $4 million.", "boilerplate": [], "entities": [{"id": "e1", "name": "Alma Reyes", "type": "PERSON", "titles": ["Mayor"], "mentions": [{"start": 6, "end": 16, "text": "Alma Reyes"}, {"start": 123, "end": 128, "text": "Reyes"}]}], "quotes": [{"kind": "indirect", "text": "that the city would open two new libraries", "start": 33, "end": 75, "speaker": "e1", "speaker_text": "Mayor Alma Reyes", "speaker_start": 0, "speaker_end": 16, "cue": "said", "cue_start": 17, "cue_end": 21}, {"kind": "direct", "text": "Every child deserves a quiet place to read", "start": 78, "end": 120, "speaker": "e1", "speaker_text": "Reyes", "speaker_start": 123, "speaker_end": 128, "cue": "said", "cue_start": 129, "cue_end": 133}], "amounts": [{"value": 2, "text": "two", "start": 58, "end": 61, "counted": "new libraries", "unit": null}, {"value": 4000000, "text": "$4 million", "start": 154, "end": 164, "counted": null, "unit": "USD"}], "dates": [{"text": "Tuesday", "start": 25, "end": 32, "value": "2024-03-05", "granularity": "day"}], "keywords": ["Alma Reyes", "child", "city", "libraries", "place", "plan"], "summary": [{"text": "Mayor Alma Reyes said on Tuesday that the city would open two new libraries.", "start": 0, "end": 76}, {"text": "\"Every child deserves a quiet place to read,\" Reyes said.", "start": 77, "end": 134}, {"text": "The plan will cost $4 million.", "start": 135, "end": 165}], "tone": {"tone": 0.0, "positive": 0.0, "negative": 0.0, "polarity": 0.0, "words": 29, "sentences": [{"start": 0, "end": 76, "text": "Mayor Alma Reyes said on Tuesday that the city would open two new libraries.", "compound": 0.0}, {"start": 77, "end": 134, "text": "\"Every child deserves a quiet place to read,\" Reyes said.", "compound": 0.0}, {"start": 135, "end": 165, "text": "The plan will cost $4 million.", "compound": 0.0}]}, "themes": [], "counts": [], "places": [], "events": []}','{"desk": "city"}',X'3DF304070000000091151E06000000007A686E02000000007A50E01600000000D07B3D0800000000D2A5210700000000F2C68B04000000000B10520600000000109BCC11000000000EEA400B00000000A871BA0000000000955C2A0C00000000ABD39B020000000065BF890200000000F7BE060F0000000021E00D1500000000EA15220A00000000141DDA0000000000F056DA050000000055E2510B00000000D5993908000000005E652305000000003DAFE401000000009B73860B00000000582B3215000000009557AC04000000008B66410200000000410C501000000000DBACDA0A00000000619B9103000000004AE81C0F00000000E40B14000000000054B5B71A000000003F7858190000000044D6D402000000004F2BD70600000000BCF90904000000005B41F610000000001613BD0B000000002D89360100000000449DDA070000000009E16F04000000006D8EB50700000000143C590100000000A587873200000000398A930D00000000F9600D0E0000000011B90A05000000001B10FA0A00000000B5D3E512000000006DBD5231000000003E49400600000000C6A6820000000000DA57701500000000129231000000000008901E13000000006C129D0600000000EAFF46010000000059F4910800000000DD844F040000000057A5C307000000000F46BE0500000000B44DAE0400000000A03EAB0700000000');
INSERT INTO "articles" VALUES(2,'7216c9d4358c6914c37f974a2f49f633cb7a85c93bc65630a2bad77deea1512a','/data/v1.jsonl:2','v1-b',NULL,'Herald',NULL,NULL,'2024-04-09','Reyes met Governor Tom Okafor in Portvale on Friday. Okafor said the state would pay half of the cost. "We will share the bill," Okafor said.',NULL,'{"schema_version": 1, "title": null, "dateline": null, "agency": null, "byline": null, "publisher": null, "published": "2024-04-09", "body": "Reyes met Governor Tom Okafor in Portvale on Friday. Okafor said the state would pay half of the cost. \"We will share the bill,\" Okafor said.", "boilerplate": [], "entities": [{"id": "e1", "name": "Reyes", "type": "ORG", "titles": [], "mentions": [{"start": 0, "end": 5, "text": "Reyes"}]}, {"id": "e2", "name": "Tom Okafor", "type": "PERSON", "titles": ["Governor"], "mentions": [{"start": 19, "end": 29, "text": "Tom Okafor"}, {"start": 53, "end": 59, "text": "Okafor"}, {"start": 129, "end": 135, "text": "Okafor"}]}, {"id": "e3", "name": "Portvale", "type": "GPE", "titles": [], "mentions": [{"start": 33, "end": 41, "text": "Portvale"}]}], "quotes": [{"kind": "indirect", "text": "the state would pay half of the cost", "start": 65, "end": 101, "speaker": "e2", "speaker_text": "Okafor", "speaker_start": 53, "speaker_end": 59, "cue": "said", "cue_start": 60, "cue_end": 64}, {"kind": "direct", "text": "We will share the bill", "start": 104, "end": 126, "speaker": "e2", "speaker_text": "Okafor", "speaker_start": 129, "speaker_end": 135, "cue": "said", "cue_start": 136, "cue_end": 140}], "amounts": [{"value": 0.5, "text": "half", "start": 85, "end": 89, "counted": "cost", "unit": null}], "dates": [{"text": "Friday", "start": 45, "end": 51, "value": "2024-04-05", "granularity": "day"}], "keywords": ["Tom Okafor", "bill", "cost", "state", "Portvale", "Reyes"], "summary": [{"text": "Reyes met Governor Tom Okafor in Portvale on Friday.", "start": 0, "end": 52}, {"text": "Okafor said the state would pay half of the cost.", "start": 53, "end": 102}, {"text": "\"We will share the bill,\" Okafor said.", "start": 103, "end": 141}], "tone": {"tone": 0.0, "positive": 3.846, "negative": 3.846, "polarity": 7.692, "words": 26, "sentences": [{"start": 0, "end": 52, "text": "Reyes met Governor Tom Okafor in Portvale on Friday.", "compound": 0.0}, {"start": 53, "end": 102, "text": "Okafor said the state would pay half of the cost.", "compound": -0.1027}, {"start": 103, "end": 141, "text": "\"We will share the bill,\" Okafor said.", "compound": 0.296}]}, "themes": [{"theme": "POLITICS", "score": 2, "triggers": [{"start": 10, "end": 18, "text": "Governor"}, {"start": 122, "end": 126, "text": "bill"}]}], "counts": [], "places": [], "events": [{"code": "04", "action": "consult", "verb": "met", "verb_start": 6, "verb_end": 9, "actor": "e1", "actor_text": "Reyes", "actor_start": 0, "actor_end": 5, "actor_type": null, "actor_country": null, "target": "e2", "target_text": "Governor Tom Okafor", "target_start": 10, "target_end": 29, "target_type": "GOV", "target_country": null, "place": null, "date": "2024-04-05", "negated": false, "start": 0, "end": 52}]}','{}',X'431F7B0100000000B842411B00000000BF26300A000000003EEFC803000000007A59930A0000000096E06501000000000EC2E209000000008A3DE5070000000096CC0A0600000000A5FA6F020000000037DB421400000000B2F1D10300000000C3FA6910000000009DD3140F0000000092FA27070000000068E09F05000000001DAC3A0000000000D67F2109000000001B5B0E0100000000DCE69A08000000000D84750000000000BB7B8D03000000006E5FAD100000000076C0BE0A000000007D19CD2800000000B8DCE90A00000000FA37FA0700000000EBE1F60F000000003D6D8904000000000ADF1C03000000007026A80500000000B913CF0E0000000001AAB70F000000005862021500000000629A5F0E000000007205CE02000000000F1AE5100000000058CE650700000000098DA3090000000057A5982200000000350278060000000027FA89030000000093503B030000000049B73E0C0000000072D6F40B0000000041C04F0A00000000DE2C6B0C000000005992410A000000003AAF5A04000000003DE6AD04000000002658D60400000000D5CD0014000000007C03181500000000014E4E0100000000DB70E606000000008DFD0D00000000003BC5BD030000000086819F1100000000CD278102000000007C58A20400000000186F040600000000206E870E000000003DB0A504000000007E79B81100000000');
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
INSERT INTO "entities" VALUES(1,'person:alma reyes','Alma Reyes','PERSON');
INSERT INTO "entities" VALUES(2,'org:reyes','Reyes','ORG');
INSERT INTO "entities" VALUES(3,'person:tom okafor','Tom Okafor','PERSON');
INSERT INTO "entities" VALUES(4,'gpe:portvale','Portvale','GPE');
CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    count INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
INSERT INTO "mentions" VALUES(1,1,2);
INSERT INTO "mentions" VALUES(2,2,1);
INSERT INTO "mentions" VALUES(2,3,3);
INSERT INTO "mentions" VALUES(2,4,1);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    entity_id INTEGER REFERENCES entities(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker_text TEXT
);
INSERT INTO "quotes" VALUES(1,1,1,'indirect','that the city would open two new libraries','Mayor Alma Reyes');
INSERT INTO "quotes" VALUES(2,1,1,'direct','Every child deserves a quiet place to read','Reyes');
INSERT INTO "quotes" VALUES(3,2,3,'indirect','the state would pay half of the cost','Okafor');
INSERT INTO "quotes" VALUES(4,2,3,'direct','We will share the bill','Okafor');
CREATE TABLE rejects (
    id INTEGER PRIMARY KEY,
    location TEXT UNIQUE NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE titles (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    title TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity_id, title)
);
INSERT INTO "titles" VALUES(1,'Mayor',1);
INSERT INTO "titles" VALUES(3,'Governor',1);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX quotes_entity ON quotes(entity_id);
CREATE VIRTUAL TABLE articles_fts
    USING fts5(title, body, content='articles', content_rowid='id');
INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
COMMIT;
