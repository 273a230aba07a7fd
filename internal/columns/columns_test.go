package columns_test

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/columns/corpus"
	"github.com/assetgen/assetgen/internal/columns/gotypes"
)

const corpusPath = "github.com/assetgen/assetgen/internal/columns/corpus"

// loadCorpus type-checks package corpus from its source, as the generator
// loads packages, and returns its struct, slice and function types by
// name.
func loadCorpus(t *testing.T) map[string]types.Type {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading %s: %v", corpusPath, pkgs)
	}
	out := map[string]types.Type{}
	scope := pkgs[0].Types.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue // generic: used through its instances
		}
		switch tn.Type().Underlying().(type) {
		case *types.Struct, *types.Slice, *types.Signature:
			out[name] = tn.Type()
		}
	}
	return out
}

// reflectCorpus returns corpus.All by name.
func reflectCorpus(t *testing.T) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for _, rt := range corpus.All {
		if _, dup := out[rt.Name()]; dup {
			t.Fatalf("corpus.All lists %s twice", rt.Name())
		}
		out[rt.Name()] = rt
	}
	return out
}

// render writes the outcome of the rule on one type, in terms that do not
// depend on the representation: each column's name, Go field path and
// index path, or the error; then the row shape, of a slice or of a stream
// (stream names the element type of a stream, "" when t is none).
func render[T any](cols []columns.Column[T], err error, elemName string, ptr, ok bool, stream string) string {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	for _, c := range cols {
		fmt.Fprintf(&b, "%s %s %v\n", c.Name, c.Field, c.Index)
	}
	if stream != "" {
		fmt.Fprintf(&b, "stream of %s\n", stream)
	}
	if ok {
		fmt.Fprintf(&b, "row of %s ptr=%v\n", elemName, ptr)
	}
	return b.String()
}

func viaReflect(rt reflect.Type) string {
	var cols []columns.Column[reflect.Type]
	var err error
	if rt.Kind() == reflect.Struct {
		cols, err = columns.Of(rt)
	}
	elem, ptr, ok := columns.RowOf(rt)
	stream := ""
	if e, isStream := columns.StreamOf(rt); isStream {
		stream = e.String()
		elem, ptr, ok = columns.StreamRowOf(rt)
	}
	name := ""
	if ok {
		name = elem.PkgPath() + "." + elem.Name()
	}
	return render(cols, err, name, ptr, ok, stream)
}

func viaTypes(tt types.Type) string {
	var cols []columns.Column[types.Type]
	var err error
	if _, isStruct := tt.Underlying().(*types.Struct); isStruct {
		cols, err = gotypes.Of(tt)
	}
	elem, ptr, ok := gotypes.RowOf(tt)
	stream := ""
	if e, isStream := gotypes.StreamOf(tt); isStream {
		// As reflect writes it: package name, not path.
		stream = types.TypeString(e, func(p *types.Package) string { return p.Name() })
		elem, ptr, ok = gotypes.StreamRowOf(tt)
	}
	name := ""
	if ok {
		obj := elem.(*types.Named).Obj()
		name = obj.Pkg().Path() + "." + obj.Name()
	}
	return render(cols, err, name, ptr, ok, stream)
}

// TestAgree walks every type of the corpus through both representations
// and requires identical columns (names, field paths, indices, order),
// errors and row shapes.
func TestAgree(t *testing.T) {
	static := loadCorpus(t)
	dynamic := reflectCorpus(t)
	for name := range static {
		if dynamic[name] == nil {
			t.Errorf("corpus type %s is missing from corpus.All", name)
		}
	}
	for name := range dynamic {
		if static[name] == nil {
			t.Errorf("corpus.All lists %s, which package corpus does not declare as a struct, slice or function type", name)
		}
	}
	for name, rt := range dynamic {
		tt := static[name]
		if tt == nil {
			continue
		}
		r, g := viaReflect(rt), viaTypes(tt)
		if r != g {
			t.Errorf("%s: reflect and go/types disagree\nreflect:\n%s\ngo/types:\n%s", name, r, g)
		}
	}
}

// TestSubsetAgree matches every pair of corpus structs with columns
// through both representations, with assignability as the type check, and
// requires the same matches and mismatches.
func TestSubsetAgree(t *testing.T) {
	static := loadCorpus(t)
	type both struct {
		r []columns.Column[reflect.Type]
		g []columns.Column[types.Type]
	}
	rows := map[string]both{}
	for name, rt := range reflectCorpus(t) {
		if rt.Kind() != reflect.Struct {
			continue
		}
		rc, err := columns.Of(rt)
		if err != nil {
			continue
		}
		gc, err := gotypes.Of(static[name])
		if err != nil {
			t.Fatalf("%s: go/types: %v", name, err)
		}
		rows[name] = both{rc, gc}
	}
	outcome := func(idx []int, m interface{ fields() string }) string {
		if m != nil {
			return m.fields()
		}
		return fmt.Sprint(idx)
	}
	n := 0
	for have, h := range rows {
		for want, w := range rows {
			ri, rm := columns.Subset(h.r, w.r, func(a, b reflect.Type) bool { return a.AssignableTo(b) })
			gi, gm := columns.Subset(h.g, w.g, types.AssignableTo)
			r, g := outcome(ri, wrap(rm)), outcome(gi, wrap(gm))
			if r != g {
				t.Errorf("%s from %s: reflect gives %s, go/types %s", want, have, r, g)
			}
			if rm == nil {
				n++
			}
		}
	}
	if n <= len(rows) {
		t.Errorf("only %d subsets among %d rows: the corpus exercises too few", n, len(rows))
	}
}

type mismatch[T any] struct{ m *columns.Mismatch[T] }

func (m mismatch[T]) fields() string {
	if m.m.Have == nil {
		return "missing " + m.m.Want.Field
	}
	return "type of " + m.m.Want.Field + " vs " + m.m.Have.Field
}

func wrap[T any](m *columns.Mismatch[T]) interface{ fields() string } {
	if m == nil {
		return nil
	}
	return mismatch[T]{m}
}

// TestRule states what the rule gives on the corpus, written out by hand.
func TestRule(t *testing.T) {
	long := strings.Repeat("a", 255)
	var path []string
	for i := 2; i <= 17; i++ {
		path = append(path, fmt.Sprintf("Deep%d", i))
	}
	deep := strings.Join(path, ".") + ".X"
	zeros := strings.TrimSuffix(strings.Repeat("0 ", 17), " ")
	tooFar := "Deep1." + strings.Join(path, ".")
	want := map[string]string{
		"Plain": `id ID [0]
user_id UserID [1]
name Name [2]
http_logs HTTPLogs [3]
über_name ÜberName [4]
asset1 Asset1 [5]
`,
		"Tagged": `alpha A [0]
beta B [1]
c C [2]
d D [3]
- Dash [5]
with "quotes" and spaces Quoted [6]
other_name Other [7]
`,
		"Audit": "created Created [0]\nupdated_at Updated [1]\n",
		"inner": "deep Deep [0]\n",
		"Middle": `deep inner.Deep [0 0]
mid Mid [1]
`,
		"Embedded": `created Audit.Created [0 0]
updated_at Audit.Updated [0 1]
deep Middle.inner.Deep [1 0 0]
mid Middle.Mid [1 1]
own Own [2]
`,
		"OmitEmpty": `created Audit.Created [0 0]
updated_at Audit.Updated [0 1]
id ID [1]
`,
		"NamedEmbed":   "audit Audit [0]\nid ID [1]\n",
		"SkippedEmbed": "id ID [1]\n",
		"Singles": `time Time [0]
null_string NullString [1]
null Null [2]
stamp_at Stamp [3]
`,
		"Parted": `day Day [0]
at At [1]
region Region [2]
key Key [3]
n N [4]
null Null [5]
ptr Ptr [6]
audit Audit [7]
`,
		"AliasEmbed": `created AuditAlias.Created [0 0]
updated_at AuditAlias.Updated [0 1]
n N [1]
`,
		"Generic": `left Pair.Left [0 0]
right Pair.Right [0 1]
names Names [1]
`,
		"NonStruct": `score Score [0]
stringer Stringer [2]
level Level [3]
`,
		"PointerTime":    "time Time [0]\nid ID [1]\n",
		"PointerEmbed":   "error: field Location: the fields of an embedded pointer to a struct are not promoted to columns: embed the struct, give the field a db tag name (one column) or skip it with db:\"-\"\n",
		"PointerNamed":   "id ID [0]\naudit Audit [1]\n",
		"PointerSkipped": "id ID [0]\n",
		"Nested": `where Where [0]
maybe Maybe [1]
inline Inline [2]
list List [3]
`,
		"Locked":       "n N [2]\n",
		"Opaque":       "error: " + columns.ErrNoColumns.Error() + "\n",
		"Empty":        "error: " + columns.ErrNoColumns.Error() + "\n",
		"AllSkipped":   "error: " + columns.ErrNoColumns.Error() + "\n",
		"CaseClash":    `error: fields Lower (column "v") and Upper (column "V") map to one column: column names match case-insensitively` + "\n",
		"SnakeClash":   `error: fields UserID and UserId both map to column "user_id"` + "\n",
		"Base":         "name Name [0]\nkept Kept [1]\n",
		"Shadow":       `error: fields Base.Name and Name both map to column "name"` + "\n",
		"UnicodeClash": `error: fields Upper (column "Äpfel") and Lower (column "äpfel") map to one column: column names match case-insensitively` + "\n",
		"BadUTF8":      `error: field A: column name "a\xff" is not valid UTF-8` + "\n",
		"WithNUL":      `error: field A: column name "a\x00b" contains a NUL byte` + "\n",
		"Long":         `error: field A: column name "aaaaaaaaaaaaaaaaaaaa"... is longer than 255 bytes` + "\n",
		"Max":          long + " A [0]\n",
		"DeepOK":       "x " + deep + " [" + zeros + "]\n",
		"DeepTooFar":   "error: field " + tooFar + ": embedded structs nest deeper than 16 levels\n",
		"People":       "row of " + corpusPath + ".Embedded ptr=false\n",
		"PeoplePtr":    "row of " + corpusPath + ".Plain ptr=true\n",
		"Times":        "",
		"Nulls":        "",
		"Ints":         "",
		"Grid":         "",
		"PtrPtr":       "",
		"Events":       "stream of corpus.Embedded\nrow of " + corpusPath + ".Embedded ptr=false\n",
		"EventPtrs":    "stream of *corpus.Plain\nrow of " + corpusPath + ".Plain ptr=true\n",
		"IntStream":    "stream of int\n",
		"TimeStream":   "stream of time.Time\n",
		"NoErrors":     "",
		"ErrorFirst":   "",
		"YieldInt":     "",
		"Returns":      "",
		"Variadic":     "",
		"NamedBool":    "",
	}
	for name, rt := range reflectCorpus(t) {
		w, ok := want[name]
		if !ok {
			if !strings.HasPrefix(name, "Deep") {
				t.Errorf("%s: no expected outcome", name)
			}
			continue
		}
		if got := viaReflect(rt); got != w {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", name, got, w)
		}
	}
}

// TestSubset checks the matching of a narrower row against a wider one.
func TestSubset(t *testing.T) {
	type Wide struct {
		corpus.Audit
		UserID int64
		Name   string `db:"NAME"`
	}
	type Narrow struct {
		Name   string
		UserId int64
	}
	type Missing struct{ Email string }
	type Retyped struct{ Name []byte }
	of := func(v any) []columns.Column[reflect.Type] {
		cols, err := columns.Of(reflect.TypeOf(v))
		if err != nil {
			t.Fatal(err)
		}
		return cols
	}
	fits := func(a, b reflect.Type) bool { return a.AssignableTo(b) }
	idx, m := columns.Subset(of(Wide{}), of(Narrow{}), fits)
	if m != nil || fmt.Sprint(idx) != "[3 2]" {
		t.Errorf("Narrow from Wide: %v, %v; want [3 2]", idx, m)
	}
	str := func(t reflect.Type) string { return t.String() }
	_, m = columns.Subset(of(Wide{}), of(Missing{}), fits)
	if got, want := m.Format(str, "Wide"), "field Email (column email) has no column in Wide"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, m = columns.Subset(of(Wide{}), of(Retyped{}), fits)
	if got, want := m.Format(str, "Wide"), "field Name (column name) has type []uint8, but Wide.Name is string"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
