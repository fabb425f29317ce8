#!/usr/bin/env python3
"""Turn the Supreme Court set of ../shared into rows of CourtListener's tables.

Usage: load.py SCOTUS_DIR OUT_DIR

Writes one RFC 4180 CSV per table into OUT_DIR (search_docket.csv, ...), for
PostgreSQL's COPY ... FROM to load; make.sh then exports them the way
CourtListener publishes its bulk data. What comes from where:

- a cluster per cluster id (the number before "_" in a file name), its case
  name, date and citations from manifest.csv; a year-only date is stored as
  1 July of that year with date_filed_is_approximate set, as CourtListener
  does for dates it only knows roughly; a missing one is NULL;
- a docket per cluster (same id) whose court_id is the manifest's court;
- an opinion per file: its id is CourtListener's (groundtruth.jsonl's
  citing_opinion_id) or, where that is unknown, one made up above every
  real id; its type is CourtListener's (010combined, 040dissent, ...) and
  its markup goes in the column groundtruth.jsonl names (html_with_citations,
  xml_harvard, html_columbia; html when unknown);
- a citation-map row per citing opinion and cited cluster of the set, with
  the number of CourtListener's links as depth, pointing at the cited
  cluster's first opinion (combined, else lead, ...).

Fields CourtListener leaves to prose (author, judges, summary, plain_text,
...) hold test strings with quotes, backslashes, commas, line breaks and
non-Latin text, so the export exercises the CSV dialect where it is hard.
An extra cluster (id 1), cited by nothing, has such a case name.
"""

import csv
import json
import os
import re
import sys

# Text that stresses PostgreSQL's CSV dialect: a quote, a backslash before
# a quote and before N, commas, both kinds of line break, non-Latin text.
TRICKY = 'He said "no, never" \\ and \\" \\N; a,b,c\nnext line\r\nΩμέγα 中文 עברית – “curly”'

STAMP = "2024-12-31 12:00:00+00"
CITE = re.compile(r"^(\d+) (.+) (\S+)$")


def main(scotus, out):
    with open(os.path.join(scotus, "manifest.csv"), newline="", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    truth = {}
    with open(os.path.join(scotus, "groundtruth.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            truth[rec["doc"]] = rec

    clusters = {}
    opinions = []
    known = [t["citing_opinion_id"] for t in truth.values() if t.get("citing_opinion_id")]
    made_up = max(known) + 1
    for row in sorted(manifest, key=lambda r: r["file"]):
        name = row["file"]
        cid = int(name.split("_")[0])
        clusters.setdefault(cid, row)
        t = truth[name]
        oid = t.get("citing_opinion_id")
        if not oid:
            oid, made_up = made_up, made_up + 1
        field = t.get("opinion_source_field")
        if field not in ("html_with_citations", "xml_harvard", "html_columbia"):
            field = "html"
        with open(os.path.join(scotus, name), encoding="utf-8") as f:
            markup = f.read()
        opinions.append({"id": oid, "cluster": cid, "type": t["opinion_type"], "field": field,
                         "markup": markup, "doc": name})

    write = lambda table, header, rows: write_csv(os.path.join(out, table + ".csv"), header, rows)

    docket_cols = ["id", "date_created", "date_modified", "source", "appeal_from_str", "assigned_to_str",
                   "referred_to_str", "panel_str", "case_name_short", "case_name", "case_name_full", "slug",
                   "docket_number", "docket_number_core", "cause", "nature_of_suit", "jury_demand",
                   "jurisdiction_type", "appellate_fee_status", "appellate_case_type_information", "mdl_status",
                   "filepath_local", "filepath_ia", "filepath_ia_json", "view_count", "blocked", "court_id"]
    cluster_cols = ["id", "date_created", "date_modified", "judges", "date_filed", "date_filed_is_approximate",
                    "slug", "case_name_short", "case_name", "case_name_full", "scdb_id", "source",
                    "procedural_history", "attorneys", "nature_of_suit", "posture", "syllabus", "headnotes",
                    "summary", "disposition", "history", "other_dates", "cross_reference", "correction",
                    "citation_count", "precedential_status", "blocked", "filepath_json_harvard", "docket_id",
                    "arguments", "headmatter"]
    dockets, cluster_rows, citations = [], [], []
    extra = {"file": "", "case_name": 'In re "Ωμέγα", Back\\slash, 中文\nLine two',
             "citations": "1 Test 1", "court": "test", "date": "2000-02-29"}
    for cid, row in sorted(list(clusters.items()) + [(1, extra)]):
        dockets.append([cid, STAMP, STAMP, 0, "", "", "", "", "", row["case_name"], TRICKY, "", "", "", "", "",
                        "", "", "", "", "", "", "", "", 0, "f", row["court"]])
        date, approximate = row["date"], "f"
        if re.fullmatch(r"\d{4}", date):
            date, approximate = date + "-07-01", "t"
        cluster_rows.append([cid, STAMP, STAMP, TRICKY, date or None, approximate, "", "", row["case_name"],
                             "", "", "R", "", "", "", "", TRICKY, TRICKY, TRICKY, "", "", "", "", "", 0,
                             "Published", "f", "", cid, "", ""])
        for cite in filter(None, (c.strip() for c in row["citations"].split(";"))):
            m = CITE.match(cite)
            if not m:
                sys.exit(f"load.py: cannot split the citation {cite!r} into volume, reporter, page")
            citations.append([len(citations) + 1, m.group(1), m.group(2), m.group(3), 1, cid])
    write("search_docket", docket_cols, dockets)
    write("search_opinioncluster", cluster_cols, cluster_rows)
    write("search_citation", ["id", "volume", "reporter", "page", "type", "cluster_id"], citations)

    opinion_cols = ["id", "date_created", "date_modified", "author_str", "per_curiam", "joined_by_str", "type",
                    "sha1", "page_count", "download_url", "local_path", "plain_text", "html", "html_lawbox",
                    "html_columbia", "html_anon_2020", "xml_harvard", "html_with_citations", "extracted_by_ocr",
                    "author_id", "cluster_id"]
    markup_cols = ["html", "html_lawbox", "html_columbia", "html_anon_2020", "xml_harvard", "html_with_citations"]
    rows = []
    for o in opinions:
        text = {c: "" for c in markup_cols}
        text[o["field"]] = o["markup"]
        rows.append([o["id"], STAMP, STAMP, "Author of " + o["doc"] + ', "the Ω" \\', "f", TRICKY, o["type"], "",
                     None, None, "", TRICKY] + [text[c] for c in markup_cols] + ["f", None, o["cluster"]])
    write("search_opinion", opinion_cols, rows)

    # The cited cluster's first opinion, as CourtListener's map points at one.
    first = {}
    for o in sorted(opinions, key=lambda o: (o["cluster"], o["type"], o["id"])):
        first.setdefault(o["cluster"], o["id"])
    depth = {}
    for o in opinions:
        for c in truth[o["doc"]]["citations"]:
            cited = c.get("cited_cluster_id")
            if c.get("resolved") and cited in first and cited != o["cluster"]:
                key = (o["id"], first[cited])
                depth[key] = depth.get(key, 0) + 1
    write("search_opinionscited", ["id", "depth", "cited_opinion_id", "citing_opinion_id"],
          [[i + 1, d, cited, citing] for i, ((citing, cited), d) in enumerate(sorted(depth.items()))])
    # Which file became which opinion, for tests that compare the two.
    write("files", ["file", "opinion_id", "cluster_id"], [[o["doc"], o["id"], o["cluster"]] for o in opinions])


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for r in rows:
            # None is NULL, which make.sh loads with NULL '\N'.
            w.writerow(["\\N" if v is None else v for v in r])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
