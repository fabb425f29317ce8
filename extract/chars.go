package extract

// Character classes for text as it comes out of PDFs and HTML: Unicode
// spaces and dashes are recognised in their UTF-8 form, byte by byte, so
// the scanner never decodes runes on its hot path. Each length function
// takes any position, the end of the text included, and finds nothing
// there: callers probe the byte after what they read, and a text may end
// right after it ("App. 45" once indexed past its end).

type textBytes interface{ ~string | ~[]byte }

// spaceLen returns the length of the white-space character at s[i], or 0.
// Besides ASCII white space it knows no-break space, the typographic
// spaces U+2000–U+200A, narrow no-break space and ideographic space.
func spaceLen[T textBytes](s T, i int) int {
	// Small enough to be inlined for the commonest answer: most bytes
	// asked about start no space.
	if i >= len(s) || !startsSpace[s[i]] {
		return 0
	}
	return spaceAt(s, i)
}

// startsSpace marks the bytes a space spaceLen knows can start with.
var startsSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true,
	0xC2: true, 0xE2: true, 0xE3: true}

// spaceAt is spaceLen where a space may start.
func spaceAt[T textBytes](s T, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] <= 0x8A || s[i+2] == 0xAF) {
			return 3
		}
		if i+2 < len(s) && s[i+1] == 0x81 && s[i+2] == 0x9F {
			return 3
		}
	case 0xE3:
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// apostropheLen returns the length of an apostrophe at s[i] (ASCII or
// right single quotation mark), or 0.
func apostropheLen[T textBytes](s T, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '\'' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
		return 3
	}
	return 0
}

// dashLen returns the length of a range dash at s[i]: hyphen-minus,
// hyphen, non-breaking hyphen, figure dash, en dash or em dash; 0 if none.
func dashLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x90 && s[i+2] <= 0x94 {
		return 3
	}
	return 0
}

// skipSpace returns the index of the first non-space byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		n := spaceLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }
func isLower(b byte) bool { return b >= 'a' && b <= 'z' }
func isLetter(b byte) bool {
	return isUpper(b) || isLower(b)
}
