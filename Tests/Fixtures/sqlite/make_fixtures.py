#!/usr/bin/env python3
"""Writes metrics.db, the small SQLite database the SQLite source tests query.

Run it from anywhere; it replaces the file beside itself.
"""
import os
import sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(HERE, "metrics.db")
if os.path.exists(path):
    os.remove(path)
db = sqlite3.connect(path)
db.executescript("""
CREATE TABLE traffic (month INTEGER NOT NULL, region TEXT NOT NULL, visits INTEGER, share REAL, note TEXT);
INSERT INTO traffic VALUES (1, '东湖区', 1200, 0.1, NULL);
INSERT INTO traffic VALUES (1, '西山区', 980, 0.25, '含节假日');
INSERT INTO traffic VALUES (2, '东湖区', 1350, 0.3, NULL);
CREATE TABLE attachments (name TEXT, body BLOB);
INSERT INTO attachments VALUES ('logo', X'89504E47');
CREATE VIEW monthly AS SELECT month, SUM(visits) AS visits FROM traffic GROUP BY month;
""")
db.commit()
db.execute("VACUUM")
db.close()
