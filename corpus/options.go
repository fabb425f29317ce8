package corpus

import "io"

// Options control how documents are read. The zero value is ready to use:
// every limit then takes its default.
type Options struct {
	// Manifest, when set, gives identities by file name (see Manifest).
	Manifest *Manifest
	// Jobs is the number of workers Process uses; 0 means one per core.
	Jobs int
	// MaxSize bounds the bytes of one document: a whole single-document
	// file after decompression, or one record of a JSON-lines stream.
	// 0 means DefaultMaxSize.
	MaxSize int64
	// MaxLine bounds the length of one line of a plain-text or JSON-lines
	// input; 0 means DefaultMaxLine.
	MaxLine int
	// MaxGzipRatio bounds how many bytes gzip may expand each compressed
	// byte to beyond the first MaxSize bytes (which only a JSON-lines
	// stream reaches), against decompression bombs; 0 means
	// DefaultMaxGzipRatio.
	MaxGzipRatio int
	// MaxDepth bounds the nesting of markup elements; 0 means
	// DefaultMaxDepth.
	MaxDepth int
	// Encoding names the character encoding of textual inputs (a WHATWG
	// label: "windows-1252", "latin1", "utf-16le", ...). "" detects it:
	// UTF-16 by its byte order mark, UTF-8 when the bytes are valid
	// UTF-8, Windows-1252 (a superset of Latin-1's printable characters)
	// otherwise. JSON-lines streams are UTF-8 whatever it says, as JSON
	// requires, and PDFs carry their own encodings.
	Encoding string
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// NoSyllabus leaves out the syllabus of a slip opinion (see
	// Document.DropSyllabus): it is the Reporter of Decisions' summary,
	// not the Court's opinion.
	NoSyllabus bool
	// CourtListener, when set, gives the opinions of CourtListener's bulk
	// opinions file the identity of their cluster (see LoadBulk).
	CourtListener *Bulk
	// Opinions, when set, records the cluster of every opinion read from
	// a bulk opinions file, for comparing with CourtListener's citation
	// map (see OpinionClusters).
	Opinions *OpinionClusters
}

// Limits applied when Options leaves them zero. They are far above any real
// opinion (the longest U.S. Reports opinions are a few MB of markup) yet keep
// one hostile input from exhausting memory.
const (
	DefaultMaxSize      = 256 << 20
	DefaultMaxLine      = 64 << 20
	DefaultMaxGzipRatio = 100
	DefaultMaxDepth     = 512
)

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

func (o Options) maxLine() int {
	if o.MaxLine > 0 {
		return o.MaxLine
	}
	return DefaultMaxLine
}

func (o Options) maxGzipRatio() int64 {
	if o.MaxGzipRatio > 0 {
		return int64(o.MaxGzipRatio)
	}
	return DefaultMaxGzipRatio
}

func (o Options) maxDepth() int {
	if o.MaxDepth > 0 {
		return o.MaxDepth
	}
	return DefaultMaxDepth
}
