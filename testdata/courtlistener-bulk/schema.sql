-- The five CourtListener tables the bulk files come from, with the columns
-- scripts/make_bulk_data.sh exports, in its order, and the types of
-- CourtListener's models. Foreign keys are left out: the test database
-- holds only the Supreme Court set of ../shared, whose citation links
-- reach clusters outside it. court_id is text rather than varchar(15)
-- because the shared manifest's courts are free text.

CREATE TABLE search_docket (
    id integer PRIMARY KEY,
    date_created timestamptz NOT NULL,
    date_modified timestamptz NOT NULL,
    source smallint NOT NULL,
    appeal_from_str text NOT NULL,
    assigned_to_str text NOT NULL,
    referred_to_str text NOT NULL,
    panel_str text NOT NULL,
    date_last_index timestamptz,
    date_cert_granted date,
    date_cert_denied date,
    date_argued date,
    date_reargued date,
    date_reargument_denied date,
    date_filed date,
    date_terminated date,
    date_last_filing date,
    case_name_short text NOT NULL,
    case_name text NOT NULL,
    case_name_full text NOT NULL,
    slug varchar(75) NOT NULL,
    docket_number text,
    docket_number_core varchar(20) NOT NULL,
    pacer_case_id varchar(100),
    cause varchar(2000) NOT NULL,
    nature_of_suit varchar(1000) NOT NULL,
    jury_demand varchar(500) NOT NULL,
    jurisdiction_type varchar(100) NOT NULL,
    appellate_fee_status text NOT NULL,
    appellate_case_type_information text NOT NULL,
    mdl_status varchar(100) NOT NULL,
    filepath_local varchar(1000) NOT NULL,
    filepath_ia varchar(1000) NOT NULL,
    filepath_ia_json varchar(1000) NOT NULL,
    ia_upload_failure_count smallint,
    ia_needs_upload boolean,
    ia_date_first_change timestamptz,
    view_count integer NOT NULL,
    date_blocked date,
    blocked boolean NOT NULL,
    appeal_from_id varchar(15),
    assigned_to_id integer,
    court_id text NOT NULL,
    idb_data_id integer,
    originating_court_information_id integer,
    referred_to_id integer
);

CREATE TABLE search_opinioncluster (
    id integer PRIMARY KEY,
    date_created timestamptz NOT NULL,
    date_modified timestamptz NOT NULL,
    judges text NOT NULL,
    date_filed date,
    date_filed_is_approximate boolean NOT NULL,
    slug varchar(75),
    case_name_short text NOT NULL,
    case_name text NOT NULL,
    case_name_full text NOT NULL,
    scdb_id varchar(10) NOT NULL,
    scdb_decision_direction integer,
    scdb_votes_majority integer,
    scdb_votes_minority integer,
    source varchar(10) NOT NULL,
    procedural_history text NOT NULL,
    attorneys text NOT NULL,
    nature_of_suit text NOT NULL,
    posture text NOT NULL,
    syllabus text NOT NULL,
    headnotes text NOT NULL,
    summary text NOT NULL,
    disposition text NOT NULL,
    history text NOT NULL,
    other_dates text NOT NULL,
    cross_reference text NOT NULL,
    correction text NOT NULL,
    citation_count integer NOT NULL,
    precedential_status varchar(50) NOT NULL,
    date_blocked date,
    blocked boolean NOT NULL,
    filepath_json_harvard varchar(1000) NOT NULL,
    docket_id integer NOT NULL,
    arguments text NOT NULL,
    headmatter text NOT NULL
);

CREATE TABLE search_opinion (
    id integer PRIMARY KEY,
    date_created timestamptz NOT NULL,
    date_modified timestamptz NOT NULL,
    author_str text NOT NULL,
    per_curiam boolean NOT NULL,
    joined_by_str text NOT NULL,
    type varchar(20) NOT NULL,
    sha1 varchar(40) NOT NULL,
    page_count integer,
    download_url varchar(500),
    local_path varchar(100) NOT NULL,
    plain_text text NOT NULL,
    html text NOT NULL,
    html_lawbox text NOT NULL,
    html_columbia text NOT NULL,
    html_anon_2020 text NOT NULL,
    xml_harvard text NOT NULL,
    html_with_citations text NOT NULL,
    extracted_by_ocr boolean NOT NULL,
    author_id integer,
    cluster_id integer NOT NULL
);

CREATE TABLE search_citation (
    id integer PRIMARY KEY,
    volume smallint NOT NULL,
    reporter text NOT NULL,
    page text NOT NULL,
    type smallint NOT NULL,
    cluster_id integer NOT NULL
);

CREATE TABLE search_opinionscited (
    id integer PRIMARY KEY,
    depth integer NOT NULL,
    cited_opinion_id integer NOT NULL,
    citing_opinion_id integer NOT NULL
);
