// Package corpus reads court opinions in the formats courts and data
// projects publish and says which case each document is.
//
// # Formats
//
// Read and ReadFile detect the format from the content, with the file name
// as a hint (a .txt is text unless its content is unambiguously JSON or
// markup; see detectFormat for the rule), after undoing gzip and decoding
// the text to UTF-8 (Windows-1252 or Latin-1 when the bytes are not UTF-8,
// UTF-16 by its byte order mark, or Options.Encoding):
//
//   - plain text (form feeds mark pages);
//   - PDF, from its text layer, a page mark per page;
//   - CourtListener opinion markup: html_with_citations, html, html_lawbox,
//     and the Harvard XML markup it serves in the same fields. Star
//     pagination (<span class="star-pagination">*256</span>, <page-number>)
//     is removed from Text and kept as Document.Pages, so that the page of
//     every citation is Document.PageAt(offset);
//   - CourtListener API JSON: opinion objects (with their cluster inline
//     or not), API pages with "results", arrays of them;
//   - Caselaw Access Project case JSON, with the casebody as XML, HTML or
//     CAP's text format, and CAP bulk JSON-lines files;
//   - Columbia/Lawbox XML;
//   - JSON lines of any of the above, or of citegraph's own records
//     {"id", "text", "case_name", "citations", "court", "date", "opinion"}.
//
// Markup becomes text with its word boundaries kept: block elements and
// <br> end lines, entities are decoded, footnotes stay, and citation links
// (<span class="citation">) read as plain "424 U.S. 409".
//
// # Identity
//
// A document's Meta is settled field by field. A field is taken from the
// most trusted source that has it:
//
//  1. the format's own metadata: CAP's and CourtListener's JSON fields,
//     the Columbia header elements, the Lawbox header, the opinion types
//     of CAP markup and of CourtListener file names (100122_040dissent);
//  2. the manifest (Options.Manifest), matched by file name;
//  3. what the text itself states: CourtListener's header (a citation line
//     such as "259 U.S. 255 (1922)" above an <h1> caption) or a Supreme
//     Court slip opinion ("Cite as: 555 U. S. ____ (2009)", its caption,
//     "Decided" line).
//
// So a manifest fills what the format leaves empty and overrides what the
// text guesses, but does not contradict a source that states its own
// metadata. Meta.Source says which source identified the case. A document
// without any identity is still read; its ID is its path (with ":line" or
// "#n" inside multi-document files), or its source's own id.
//
// # Volume and hostile input
//
// Process streams documents through a pool of workers and emits them in
// input order whatever the number of workers, holding only the documents
// in flight. An input that cannot be read is skipped with a *ReadError
// naming the file (and line or byte where that helps) and the Problem.
// Limits in Options bound document size (after decompression), line
// length (checked as it is read), the expansion of a gzip stream past the
// size limit, and markup nesting; XML entities declared in a DTD are never
// expanded. Expand follows symbolic links, reads each file once, and turns
// a folder it cannot list into an Input that Process reports and skips.
package corpus
