package export

import (
	"bufio"
	"encoding/xml"
	"strconv"
	"strings"
)

// xmlWriter writes XML by hand around encoding/xml's escaping, which also
// turns characters XML 1.0 cannot hold (most control characters, broken
// UTF-8) into U+FFFD instead of emitting an unreadable file.
type xmlWriter struct{ *bufio.Writer }

func (w xmlWriter) text(s string) { xml.EscapeText(w, []byte(s)) }

// attr writes ` name="value"`.
func (w xmlWriter) attr(name, value string) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteString(`="`)
	w.text(value)
	w.WriteByte('"')
}

// nmtoken turns a node id into an XML NMTOKEN, as GraphML requires of ids,
// keeping it readable and distinct: letters, digits, '.' and '-' stay, a
// space becomes '_', and anything else becomes ':' + hex code point + ':'
// ("42 U.S.C. § 1983" → "42_U.S.C._:A7:_1983"). Since '_' and ':' are
// themselves encoded, no two ids map to the same token.
func nmtoken(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('_')
		default:
			b.WriteByte(':')
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(r), 16)))
			b.WriteByte(':')
		}
	}
	if b.Len() == 0 {
		// An NMTOKEN cannot be empty, and no other id encodes to a lone ':'.
		return ":"
	}
	return b.String()
}
