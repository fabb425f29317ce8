package corpus

import (
	"fmt"
)

// Problem names why a document could not be read. Summaries count skipped
// documents by Problem, so the set is small and stable.
type Problem string

// The problems a reader reports.
const (
	ProblemUnreadable  Problem = "unreadable"
	ProblemNotUTF8     Problem = "not UTF-8"
	ProblemBinary      Problem = "binary"
	ProblemEmpty       Problem = "empty"
	ProblemTooLarge    Problem = "too large"
	ProblemBadJSON     Problem = "invalid JSON"
	ProblemBadXML      Problem = "invalid XML"
	ProblemBadPDF      Problem = "invalid PDF"
	ProblemBadGzip     Problem = "invalid gzip"
	ProblemBadBzip2    Problem = "invalid bzip2"
	ProblemBadCSV      Problem = "invalid CSV"
	ProblemTooDeep     Problem = "nested too deeply"
	ProblemNotDocument Problem = "not an opinion"
	// ProblemCitationTable is an input holding citation records (see
	// IsCitationTable): citegraph's own output, never read as opinions.
	ProblemCitationTable Problem = "citation table"
	// ProblemTooManyCitations is for the caller that extracts citations
	// (see Process): a document read but holding more than it accepts.
	ProblemTooManyCitations Problem = "too many citations"
)

// ReadError says which input could not be read, where, and why.
type ReadError struct {
	Path string
	// Line is the 1-based line of the record in a JSON-lines stream, or 0.
	Line int
	// Offset is the byte offset of the problem when known, or -1.
	Offset  int64
	Problem Problem
	Err     error
}

func (e *ReadError) Error() string {
	where := e.Path
	if e.Line > 0 {
		where += fmt.Sprintf(":%d", e.Line)
	}
	if e.Offset >= 0 {
		where += fmt.Sprintf(" (byte %d)", e.Offset)
	}
	if e.Err == nil {
		return fmt.Sprintf("%s: %s", where, e.Problem)
	}
	return fmt.Sprintf("%s: %s: %v", where, e.Problem, e.Err)
}

func (e *ReadError) Unwrap() error { return e.Err }

// fail is the error a reader returns before it knows the path; Read fills
// the path in.
func fail(p Problem, off int64, format string, a ...any) *ReadError {
	var err error
	if format != "" {
		err = fmt.Errorf(format, a...)
	}
	return &ReadError{Offset: off, Problem: p, Err: err}
}
