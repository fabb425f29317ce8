#!/usr/bin/env bash
# Make CourtListener bulk files the way CourtListener makes them: load the
# Supreme Court set of ../shared into PostgreSQL tables with CourtListener's
# columns (schema.sql, rows from load.py), then export each table with the
# COPY command of CourtListener's scripts/make_bulk_data.sh piped through
# bzip2.
#
# Usage: make.sh [OUT_DIR] [TIMES]
#   OUT_DIR  where the files go (default $CITEGRAPH_BULK, else /tmp/citegraph-bulk)
#   TIMES    repeat the opinions TIMES times under new ids (default 1), to
#            measure how throughput and memory scale with the file
#
# Needs PostgreSQL's server binaries, psql, python3 and bzip2 (Debian:
# postgresql bzip2 python3). Runs a private server on a Unix socket in a
# temporary directory, as the postgres user when run as root, and removes it
# when done. Tests that read the files skip when they are absent.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
scotus=${SCOTUS:-$here/../../../shared/corpus/scotus}
out=${1:-${CITEGRAPH_BULK:-/tmp/citegraph-bulk}}
times=${2:-1}
stamp=2024-12-31

[ -f "$scotus/manifest.csv" ] || { echo "make.sh: no $scotus/manifest.csv" >&2; exit 1; }
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "make.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

work=$(mktemp -d)
as_db() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  as_db "$bindir/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi
as_db "$bindir/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
as_db "$bindir/pg_ctl" -D "$work/data" -l "$work/data/log" -w \
  -o "-k $work -c listen_addresses= -c fsync=off" start >/dev/null
sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$work" -U postgres -d postgres "$@"; }

sql -f "$here/schema.sql"
mkdir -p "$work/rows"
python3 "$here/load.py" "$scotus" "$work/rows"
for t in search_docket search_opinioncluster search_opinion search_citation search_opinionscited; do
  sql -c "\\copy $t ($(head -n 1 "$work/rows/$t.csv")) FROM '$work/rows/$t.csv' WITH (FORMAT csv, HEADER, NULL '\\N')"
done

# The columns of each file, in the order make_bulk_data.sh gives them.
docket_cols="id, date_created, date_modified, source, appeal_from_str,
  assigned_to_str, referred_to_str, panel_str, date_last_index, date_cert_granted,
  date_cert_denied, date_argued, date_reargued,
  date_reargument_denied, date_filed, date_terminated,
  date_last_filing, case_name_short, case_name, case_name_full, slug,
  docket_number, docket_number_core, pacer_case_id, cause,
  nature_of_suit, jury_demand, jurisdiction_type,
  appellate_fee_status, appellate_case_type_information, mdl_status,
  filepath_local, filepath_ia, filepath_ia_json, ia_upload_failure_count, ia_needs_upload,
  ia_date_first_change, view_count, date_blocked, blocked, appeal_from_id, assigned_to_id,
  court_id, idb_data_id, originating_court_information_id, referred_to_id"
cluster_cols="id, date_created, date_modified, judges, date_filed,
  date_filed_is_approximate, slug, case_name_short, case_name,
  case_name_full, scdb_id, scdb_decision_direction, scdb_votes_majority,
  scdb_votes_minority, source, procedural_history, attorneys,
  nature_of_suit, posture, syllabus, headnotes, summary, disposition,
  history, other_dates, cross_reference, correction, citation_count,
  precedential_status, date_blocked, blocked, filepath_json_harvard, docket_id,
  arguments, headmatter"
opinion_cols="id, date_created, date_modified, author_str, per_curiam, joined_by_str,
  type, sha1, page_count, download_url, local_path, plain_text, html,
  html_lawbox, html_columbia, html_anon_2020, xml_harvard,
  html_with_citations, extracted_by_ocr, author_id, cluster_id"
cited_cols="id, depth, cited_opinion_id, citing_opinion_id"
citation_cols="id, volume, reporter, page, type, cluster_id"

mkdir -p "$out"
export_table() { # FILE-PREFIX "TABLE (COLUMNS)" or "(SELECT ...)"
  sql -c "COPY $2 TO STDOUT WITH (FORMAT csv, ENCODING utf8, HEADER, ESCAPE '\\', FORCE_QUOTE *)" |
    bzip2 >"$out/$1-$stamp.csv.bz2.tmp"
  mv "$out/$1-$stamp.csv.bz2.tmp" "$out/$1-$stamp.csv.bz2"
}
export_table dockets "search_docket ($docket_cols)"
export_table opinion-clusters "search_opinioncluster ($cluster_cols)"
export_table citations "search_citation ($citation_cols)"
export_table citation-map "search_opinionscited ($cited_cols)"
if [ "$times" = 1 ]; then
  export_table opinions "search_opinion ($opinion_cols)"
else
  # Each copy gets ids of its own; the rows stay in table order.
  select=$(echo "$opinion_cols" | tr -d '\n' | sed 's/^id,/o.id + k * 100000000 AS id,/')
  export_table opinions "(SELECT $select FROM generate_series(0, $times - 1) k, search_opinion o ORDER BY k, o.ctid)"
fi
cp "$work/rows/files.csv" "$out/scotus-files.csv"
echo "make.sh: wrote $(ls "$out" | wc -l) files to $out"
