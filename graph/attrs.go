package graph

import (
	"fmt"
	"strconv"
	"strings"
)

// The separators of lists flattened into one text value, as citegraph's
// GraphML, GEXF and CSV exports write them: "430 (5); 431" for counted
// lists, parentheticals (which hold semicolons) joined with " | ".
const (
	listSep          = "; "
	parentheticalSep = " | "
)

// setNodeAttr applies one attribute of a graph file, as text, to a node:
// citegraph_id (the node's id), name or label, citations, court, year,
// in_corpus, kind, and the scores of the measures (named as the measure,
// or "score_" and the measure). Other attributes are ignored.
func setNodeAttr(n *Node, name, v string) error {
	t := strings.TrimSpace(v)
	switch name {
	case "citegraph_id":
		if t != "" {
			n.ID = v
		}
	case "name", "label":
		n.Name = t
	case "citations":
		n.Citations = splitList(v, ";")
	case "court":
		n.Court = t
	case "kind":
		if t == Statute.String() {
			n.Kind = Statute
		}
	case "year":
		if t == "" {
			return nil
		}
		y, err := strconv.Atoi(t)
		if err != nil || y < 0 || y > 9999 {
			return fmt.Errorf("year %q is not a year", v)
		}
		n.Year = y
	case "in_corpus":
		if t == "" {
			return nil
		}
		b, err := strconv.ParseBool(t)
		if err != nil {
			return fmt.Errorf("in_corpus %q is not true or false", v)
		}
		n.InCorpus = b
	default:
		m := strings.TrimPrefix(name, "score_")
		if !IsMeasure(m) || t == "" {
			return nil
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return fmt.Errorf("%s %q is not a number", name, v)
		}
		if n.Scores == nil {
			n.Scores = map[string]float64{}
		}
		n.Scores[m] = f
	}
	return nil
}

// setEdgeAttr applies one attribute of a graph file, as text, to an edge:
// weight, and the lists citegraph writes (pins, signals, opinions with
// their counts; parentheticals; pages).
func setEdgeAttr(e *Edge, weight *int, name, v string) error {
	switch name {
	case "weight":
		w, err := parseWeight(v)
		if err != nil {
			return err
		}
		*weight = w
	case "pins":
		e.Pins = parseCounts(v)
	case "signals":
		e.Signals = parseCounts(v)
	case "opinions":
		e.Opinions = parseCounts(v)
	case "parentheticals":
		e.Parentheticals = splitList(v, strings.TrimSpace(parentheticalSep))
	case "pages":
		e.Pages = splitList(v, ";")
	}
	return nil
}

// splitList splits a flattened list at sep, trimming each item and
// dropping empty ones.
func splitList(v, sep string) []string {
	var out []string
	for item := range strings.SplitSeq(v, sep) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// parseCounts reads "430 (5); 431" back into counts: an item without a
// count occurred once.
func parseCounts(v string) []Count {
	var out []Count
	for _, item := range splitList(v, ";") {
		c := Count{Value: item, N: 1}
		if open := strings.LastIndex(item, " ("); open > 0 && strings.HasSuffix(item, ")") {
			if n, err := strconv.Atoi(item[open+2 : len(item)-1]); err == nil && n > 0 {
				c = Count{Value: item[:open], N: n}
			}
		}
		out = append(out, c)
	}
	return out
}
