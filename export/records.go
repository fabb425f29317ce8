package export

import (
	"io"
	"reflect"
	"strings"

	"github.com/citegraph/citegraph/extract"
)

// RecordWriter writes citation records; extract.RecordWriter and
// ParquetRecordWriter are two.
type RecordWriter interface {
	Write(r *extract.Record) error
	Close() error
}

// ParquetRecordWriter writes citation records (extract.Record) as a
// Parquet table: one column per field of the JSON-lines contract, with
// its name, in its order, typed (strings, 64-bit integers, booleans,
// parallel as a list of strings). Nothing is NULL: as in JSON lines, every
// field is always present.
type ParquetRecordWriter struct{ t *pqTable[*extract.Record] }

var _ RecordWriter = (*ParquetRecordWriter)(nil)

// recordColumns are the Parquet columns of extract.Record, from its JSON
// names, so that a field added to the contract is a column too.
var recordColumns = func() []pqColumn[*extract.Record] {
	typ := reflect.TypeFor[extract.Record]()
	var cols []pqColumn[*extract.Record]
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		var k kind
		switch f.Type {
		case reflect.TypeFor[string]():
			k = kString
		case reflect.TypeFor[int]():
			k = kInt
		case reflect.TypeFor[bool]():
			k = kBool
		case reflect.TypeFor[[]string]():
			k = kList
		default:
			panic("export: extract.Record." + f.Name + " has a type the Parquet table does not know")
		}
		cols = append(cols, pqColumn[*extract.Record]{name: name, kind: k, required: true, get: func(r *extract.Record) (value, bool) {
			v := reflect.ValueOf(r).Elem().Field(i)
			switch k {
			case kString:
				return value{s: v.String()}, true
			case kInt:
				return value{i: int(v.Int())}, true
			case kBool:
				return value{b: v.Bool()}, true
			}
			return value{list: v.Interface().([]string)}, true
		}})
	}
	return cols
}()

// NewParquetRecordWriter returns a writer of citation records to w.
func NewParquetRecordWriter(w io.Writer) *ParquetRecordWriter {
	return &ParquetRecordWriter{t: newPQTable(w, recordColumns)}
}

// Write writes one record.
func (p *ParquetRecordWriter) Write(r *extract.Record) error { return p.t.write(r) }

// Close writes the file's footer.
func (p *ParquetRecordWriter) Close() error { return p.t.close() }
