package export

import (
	"fmt"
	"io"
	"reflect"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/citegraph/citegraph/graph"
)

// Parquet files are written with github.com/parquet-go/parquet-go, whose
// writer holds one page per column in memory and writes each as it fills,
// so a file of any size streams. Columns are typed: strings, 64-bit
// integers, doubles, booleans, lists of strings, and counted lists as
// lists of {value, n}; an unknown value is NULL. Their order is the order
// of the other formats' attributes, the ids first, which is why the
// schema is a struct type made at run time rather than a parquet.Group
// (a map, whose columns come out sorted by name).

// parquetCount is a counted list item (graph.Count) in Parquet.
type parquetCount struct {
	Value string `parquet:"value"`
	N     int64  `parquet:"n"`
}

// pqColumn is one column of a Parquet table of items of type T.
type pqColumn[T any] struct {
	name     string
	kind     kind
	required bool // never NULL; otherwise an unknown value is NULL
	get      func(T) (value, bool)
}

// pqTable writes items of type T as rows of a Parquet file.
type pqTable[T any] struct {
	cols []pqColumn[T]
	typ  reflect.Type
	w    *parquet.GenericWriter[any]
	row  reflect.Value
}

// parquetRowGroup bounds the rows of a row group, so that readers can
// skip and parallelise over large files.
const parquetRowGroup = 1 << 20

func newPQTable[T any](w io.Writer, cols []pqColumn[T]) *pqTable[T] {
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		var t reflect.Type
		tag := c.name
		switch c.kind {
		case kString:
			t = reflect.TypeFor[string]()
		case kInt:
			t = reflect.TypeFor[int64]()
		case kDouble:
			t = reflect.TypeFor[float64]()
		case kBool:
			t = reflect.TypeFor[bool]()
		case kList:
			t, tag = reflect.TypeFor[[]string](), tag+",list"
		case kCounts:
			t, tag = reflect.TypeFor[[]parquetCount](), tag+",list"
		}
		if !c.required && c.kind != kList && c.kind != kCounts {
			t, tag = reflect.PointerTo(t), tag+",optional"
		}
		if c.kind == kString {
			// Dictionary encoding: courts, kinds, reporters and the like
			// repeat, and readers keep the dictionary.
			tag += ",dict"
		}
		fields[i] = reflect.StructField{Name: fmt.Sprintf("C%d", i), Type: t, Tag: reflect.StructTag(`parquet:"` + tag + `"`)}
	}
	typ := reflect.StructOf(fields)
	schema := parquet.SchemaOf(reflect.New(typ).Interface())
	pw := parquet.NewGenericWriter[any](w, schema, parquet.Compression(&zstd.Codec{}), parquet.MaxRowsPerRowGroup(parquetRowGroup),
		parquet.CreatedBy("citegraph", "", ""))
	return &pqTable[T]{cols: cols, typ: typ, w: pw, row: reflect.New(typ)}
}

// write appends one row.
func (t *pqTable[T]) write(item T) error {
	row := t.row.Elem()
	row.SetZero()
	for i, c := range t.cols {
		v, ok := c.get(item)
		if !ok && !c.required {
			continue
		}
		f := row.Field(i)
		if f.Kind() == reflect.Pointer {
			f.Set(reflect.New(f.Type().Elem()))
			f = f.Elem()
		}
		switch c.kind {
		case kString:
			f.SetString(validUTF8(v.s))
		case kInt:
			f.SetInt(int64(v.i))
		case kDouble:
			f.SetFloat(v.f)
		case kBool:
			f.SetBool(v.b)
		case kList:
			l := make([]string, len(v.list))
			for k, s := range v.list {
				l[k] = validUTF8(s)
			}
			f.Set(reflect.ValueOf(l))
		case kCounts:
			l := make([]parquetCount, len(v.counts))
			for k, cnt := range v.counts {
				l[k] = parquetCount{Value: validUTF8(cnt.Value), N: int64(cnt.N)}
			}
			f.Set(reflect.ValueOf(l))
		}
	}
	_, err := t.w.Write([]any{t.row.Interface()})
	return err
}

// close writes the file's footer.
func (t *pqTable[T]) close() error { return t.w.Close() }

// asColumns turns the attributes of the other formats into Parquet
// columns, after the given id columns.
func asColumns[T any](ids []pqColumn[T], attrs []attr[T]) []pqColumn[T] {
	cols := ids
	for _, a := range attrs {
		cols = append(cols, pqColumn[T]{name: a.name, kind: a.kind, get: a.get})
	}
	return cols
}

// WriteParquetNodes writes the nodes file of a Parquet export: one row per
// node, "id" first, then every attribute, scores included, typed.
func WriteParquetNodes(w io.Writer, g Source) error {
	s, err := streamOf(g)
	if err != nil {
		return err
	}
	id := pqColumn[*graph.Node]{name: "id", kind: kString, required: true,
		get: func(n *graph.Node) (value, bool) { return value{s: n.ID}, true }}
	t := newPQTable(w, asColumns([]pqColumn[*graph.Node]{id}, s.sc.nodes))
	for n := range s.nodes {
		if err := t.write(n); err != nil {
			return err
		}
	}
	return t.close()
}

// WriteParquetEdges writes the edges file of a Parquet export: "source",
// "target", then every edge attribute, typed; pins, signals and opinions
// are lists of {value, n}.
func WriteParquetEdges(w io.Writer, g Source) error {
	s, err := streamOf(g)
	if err != nil {
		return err
	}
	ends := []pqColumn[*graph.Edge]{
		{name: "source", kind: kString, required: true, get: func(e *graph.Edge) (value, bool) { return value{s: e.From}, true }},
		{name: "target", kind: kString, required: true, get: func(e *graph.Edge) (value, bool) { return value{s: e.To}, true }},
	}
	t := newPQTable(w, asColumns(ends, s.sc.edges))
	for e := range s.edges {
		if err := t.write(e); err != nil {
			return err
		}
	}
	if *s.err != nil {
		return *s.err
	}
	return t.close()
}
