package extract

import "strings"

// trie maps reporter spellings to reporters. Keys are stored with all
// white space removed and typographic apostrophes folded to ASCII, and the
// text is walked the same way, so "U. S.", "U.S." and "U.\u00a0S." all
// reach the same node without the text ever being copied or rewritten.
type trie struct {
	nodes []trieNode
	root  [256]int32 // child of the root for each first byte; 0 = none
}

type trieNode struct {
	r     *Reporter // non-nil when a key ends here
	edges []trieEdge
}

type trieEdge struct {
	b    byte
	next int32
}

// match is one way to read a reporter at a position: the reporter and the
// offset just past its last byte.
type match struct {
	r   *Reporter
	end int
}

// normalizeKey removes white space and folds apostrophes.
func normalizeKey(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if n := spaceLen(s, i); n > 0 {
			i += n
			continue
		}
		if n := apostropheLen(s, i); n > 0 {
			out = append(out, '\'')
			i += n
			continue
		}
		out = append(out, s[i])
		i++
	}
	return out
}

// insert adds key, reporting whether it was new. An existing key keeps
// its first reporter: the built-in table wins over later additions.
func (t *trie) insert(key string, r *Reporter) bool {
	k := normalizeKey(key)
	if len(k) == 0 {
		return false
	}
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, trieNode{}) // index 0: "no node"
	}
	cur := t.root[k[0]]
	if cur == 0 {
		cur = t.newNode()
		t.root[k[0]] = cur
	}
	for _, b := range k[1:] {
		next := t.child(cur, b)
		if next == 0 {
			next = t.newNode()
			t.nodes[cur].edges = append(t.nodes[cur].edges, trieEdge{b, next})
		}
		cur = next
	}
	if t.nodes[cur].r != nil {
		return false
	}
	t.nodes[cur].r = r
	return true
}

func (t *trie) newNode() int32 {
	t.nodes = append(t.nodes, trieNode{})
	return int32(len(t.nodes) - 1)
}

func (t *trie) child(n int32, b byte) int32 {
	for _, e := range t.nodes[n].edges {
		if e.b == b {
			return e.next
		}
	}
	return 0
}

// startsKey reports whether some key begins with byte b: the scanner's
// cheap test before it tries a full match.
func (t *trie) startsKey(b byte) bool { return t.root[b] != 0 }

// matchAll appends to out every reporter spelling that starts at text[i],
// shortest first. A spelling ending in a letter or digit must not be
// followed by one ("US" does not match "USA").
func (t *trie) matchAll(text string, i int, out []match) []match {
	if i >= len(text) {
		return out
	}
	cur := t.root[text[i]]
	i++
	for cur != 0 {
		if r := t.nodes[cur].r; r != nil && boundaryOK(text, i) {
			out = append(out, match{r, i})
		}
		// White space inside a spelling is skipped, but only when the
		// spelling goes on after it.
		j := i
		for j < len(text) {
			n := spaceLen(text, j)
			if n == 0 {
				break
			}
			j += n
		}
		if j >= len(text) {
			break
		}
		if j == i && text[j] == '-' && isLetter(text[j-1]) {
			// A spelling broken across lines by a hyphen: "Wal-\nlace".
			k := skipSpace(text, j+1)
			if k < len(text) && isLower(text[k]) && strings.Contains(text[j+1:k], "\n") {
				j = k
			}
		}
		b := text[j]
		n := 1
		if k := apostropheLen(text, j); k > 0 {
			b, n = '\'', k
		}
		cur = t.child(cur, b)
		i = j + n
	}
	return out
}

// boundaryOK reports whether a spelling ending just before text[i] ends on
// a word boundary.
func boundaryOK(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	prev, next := text[i-1], text[i]
	if !isAlnum(prev) {
		return true
	}
	return !isAlnum(next)
}

func isAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
