package generator

import (
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		text string
		want Options
	}{
		{"", Options{}},
		{"   ", Options{}},
		{" group=analytics", Options{Group: "analytics"}},
		{" name=x_1 prefix=a/b", Options{Name: "x_1", Prefix: []string{"a", "b"}}},
		{" deps=a,b/c", Options{Deps: []string{"a", "b/c"}}},
		{"\tio=duck\tcode_version=\"1.2 beta\"", Options{IO: "duck", CodeVersion: "1.2 beta"}},
		{` code_version="a,b"`, Options{CodeVersion: "a,b"}},
		{` code_version="say \"hi\""`, Options{CodeVersion: `say "hi"`}},
		{` kinds=table,"duck db" owners=me@x.org`, Options{Kinds: []string{"table", "duck db"}, Owners: []string{"me@x.org"}}},
		{` tags=a:1,b:,c:"x y"`, Options{Tags: map[string]string{"a": "1", "b": "", "c": "x y"}}},
		{` tags=url:http://x`, Options{Tags: map[string]string{"url": "http://x"}}},
		{` retries=3 retry_delay=1.5s timeout=1h`, Options{Retries: 3, RetryDelay: 1500 * time.Millisecond, Timeout: time.Hour}},
		{` retries=0`, Options{}},
		{` partitions=Daily backfill=single partition_column=day`, Options{Partitions: "Daily", Backfill: BackfillSingle, PartitionColumn: "day"}},
		{` partitions=defs.Daily backfill=1`, Options{Partitions: "defs.Daily", Backfill: 1}},
		{` backfill=30`, Options{Backfill: 30}},
		{` map=events:window(-6...0),raw/orders:last,x:static(eu=europe|uk;us=america)`, Options{Map: []MapItem{
			{"events", partition.TimeWindow(-6, 0), 5},
			{"raw/orders", partition.Last(), 27},
			{"x", partition.StaticMap(map[string][]string{"eu": {"europe", "uk"}, "us": {"america"}}), 43},
		}}},
		{` external io=landing`, Options{External: true, IO: "landing"}},
		{`observe group=g`, Options{Observe: true, Group: "g"}},
		{` map="q:static('new york'=ny)",d:dim(date)`, Options{Map: []MapItem{
			{"q", partition.StaticMap(map[string][]string{"new york": {"ny"}}), 5},
			{"d", partition.Dim("date"), 31},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParseDirective(tt.text)
			require.NoError(t, err)
			got.Offsets, got.DepOffsets = nil, nil
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseDirectiveErrors(t *testing.T) {
	tests := []struct {
		text string
		col  int // 1-based column in text
		msg  string
	}{
		{" grop=x", 2, `unknown option "grop" (did you mean "group"?)`},
		{" tagz=x", 2, `unknown option "tagz" (did you mean "tags"?)`},
		{" colour=red", 2, `unknown option "colour"`},
		{" group=a group=b", 10, "duplicate option group"},
		{` code_version="v1`, 15, "unterminated quoted string"},
		{` code_version="v1\"`, 15, "unterminated quoted string"},
		{` code_version="\q"`, 15, "malformed quoted string"},
		{" name=", 7, "empty value for option name"},
		{` name=""`, 7, "empty value for option name"},
		{" group", 7, "missing '=' after option group"},
		{" external=true", 10, "option external takes no value: write it alone"},
		{" observe observe", 10, "duplicate option observe"},
		{" externl", 2, `malformed option "externl": want key=value`},
		{" analytics", 2, `malformed option "analytics": want key=value`},
		{" =x", 2, "missing option name before '='"},
		{" kinds=a,,b", 10, "empty value for option kinds"},
		{" kinds=a,", 10, "empty value for option kinds"},
		{" group=a,b", 10, "option group takes one value"},
		{" retries=-1", 10, "invalid retries"},
		{" retries=x", 10, "invalid retries"},
		{" timeout=0s", 10, "invalid timeout"},
		{" timeout=-1s", 10, "invalid timeout"},
		{" retry_delay=soon", 14, "invalid retry_delay"},
		{" name=Bad", 7, "invalid name"},
		{" name=a/b", 7, "invalid name"},
		{" prefix=a//b", 9, `invalid prefix "a//b": component ""`},
		{" deps=ok,Not", 10, `invalid deps key "Not"`},
		{" group=My-Group", 8, "invalid group"},
		{" io=a.b", 5, "invalid I/O manager key"},
		{" tags=x", 7, `malformed tag "x"`},
		{" tags=:x", 7, `malformed tag ":x"`},
		{" tags=a:1,a:2", 11, `duplicate tag "a"`},
		{" partitions=1x", 13, `invalid partitions "1x"`},
		{" partitions=a.b.c", 13, `invalid partitions "a.b.c"`},
		{" partitions=pkg.", 13, `invalid partitions "pkg."`},
		{" partitions=a,b", 15, "option partitions takes one value"},
		{" backfill=0", 11, `invalid backfill "0"`},
		{" backfill=-1", 11, `invalid backfill "-1"`},
		{" backfill=all", 11, `invalid backfill "all"`},
		{" partiton_column=x", 2, `unknown option "partiton_column" (did you mean "partition_column"?)`},
		{" maps=a:all", 2, `unknown option "maps" (did you mean "map"?)`},
		{" map=x", 6, `malformed map item "x"`},
		{" map=:all", 6, `malformed map item ":all"`},
		{" map=x:", 6, `malformed map item "x:"`},
		{" map=a,b:all", 6, `malformed map item "a"`},
		{" map=A-B:all", 6, `invalid map item "A-B:all"`},
		{" map=x:all,x:last", 12, "duplicate map for x"},
		{" map=x:window(1...0)", 15, `invalid mapping "window(1...0)" for x: window(1...0): the start offset 1 is after the end offset 0`},
		{" map=x:windo", 8, `invalid mapping "windo" for x: unknown mapping "windo"`},
		{" map=x:window(", 15, `invalid mapping "window(" for x`},
		{` map="x:window("`, 6, `invalid mapping "window(" for x`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := ParseDirective(tt.text)
			var se *SyntaxError
			require.True(t, errors.As(err, &se), "want a *SyntaxError, got %v", err)
			assert.Equal(t, tt.col, se.Offset+1, "column")
			assert.Contains(t, se.Msg, tt.msg)
		})
	}
}

// TestParseDirectiveAllErrors checks that every problem of a directive is
// reported at once, in order, each at its own column, and that the
// options without a problem are still parsed.
func TestParseDirectiveAllErrors(t *testing.T) {
	type problem struct {
		col int // 1-based column in text
		msg string
	}
	long := strings.Repeat("x", 64)
	tests := []struct {
		text string
		want []problem
		opts Options // what parsed, without offsets
	}{
		{" automation=on_cron(0 7 * * *) group=a", []problem{
			{13, `the value of option automation holds a space: quote it, automation="on_cron(0 7 * * *)"`},
		}, Options{Group: "a"}},
		{" retries=-1 timeout=-5s grop=x", []problem{
			{10, `invalid retries "-1"`},
			{21, `invalid timeout "-5s"`},
			{25, `unknown option "grop" (did you mean "group"?)`},
		}, Options{}},
		{" group analytics name=ok =x io=a,b,c", []problem{
			{7, "missing '=' after option group"},
			{8, `malformed option "analytics": want key=value`},
			{26, "missing option name before '='"},
			{34, "option io takes one value"},
		}, Options{Name: "ok"}},
		{` deps=ok,Bad,a//b,z tags=x,k:1,k:2,:v kinds=a,,b owners=me`, []problem{
			{10, `invalid deps key "Bad": component "Bad"`},
			{14, `invalid deps key "a//b": component ""`},
			{26, `malformed tag "x"`},
			{32, `duplicate tag "k"`},
			{36, `malformed tag ":v"`},
			{47, "empty value for option kinds"},
		}, Options{Deps: []string{"ok", "z"}, Tags: map[string]string{"k": "1"}, Owners: []string{"me"}}},
		{` group=a group=b code_version="\q" io=x name=` + long, []problem{
			{10, "duplicate option group"},
			{31, "malformed quoted string"},
			{46, `invalid name "` + long + `": 64 bytes long; a key component may have at most 63`},
		}, Options{Group: "a", IO: "x"}},
		{` prefix=a/` + long + ` retry_delay=0s code_version="open io=x`, []problem{
			{9, `component "` + long + `": 64 bytes long`},
			{88, `invalid retry_delay "0s"`},
			{104, "unterminated quoted string"},
		}, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			o, err := ParseDirective(tt.text)
			var errs SyntaxErrors
			require.True(t, errors.As(err, &errs), "want SyntaxErrors, got %v", err)
			require.Len(t, errs, len(tt.want), "%v", err)
			for i, w := range tt.want {
				assert.Equal(t, w.col, errs[i].Offset+1, "column of %q", errs[i].Msg)
				assert.Contains(t, errs[i].Msg, w.msg)
			}
			o.Offsets, o.DepOffsets = nil, nil
			assert.Equal(t, tt.opts, o)
		})
	}
}

// TestParseDirectiveLimits checks the length limits of names and keys in
// directives at their bounds.
func TestParseDirectiveLimits(t *testing.T) {
	c63 := strings.Repeat("c", 63)
	o, err := ParseDirective(" name=" + c63 + " prefix=" + c63 + "/" + c63 + " deps=" + strings.Join([]string{c63, c63, c63, c63}, "/"))
	require.NoError(t, err)
	assert.Equal(t, c63, o.Name)
	_, err = ParseDirective(" deps=" + strings.Join([]string{c63, c63, c63, c63 + "x"}, "/"))
	assert.ErrorContains(t, err, "column 7: invalid deps key")
	assert.ErrorContains(t, err, "256 bytes long; a key may have at most 255")
	_, err = ParseDirective(" group=" + c63 + "x")
	assert.ErrorContains(t, err, "column 8: invalid group")
}

func TestParseDirectiveMulti(t *testing.T) {
	o, err := ParseDirective(" multi can_subset=true io=w")
	assert.NoError(t, err)
	assert.True(t, o.Multi && o.CanSubset)
	assert.Equal(t, 26, o.Offsets["io"]) // offsets in the text given, multi blanked out
	o, err = ParseDirective(" multiple=1")
	assert.False(t, o.Multi)
	assert.ErrorContains(t, err, `column 2: unknown option "multiple"`)
	_, err = ParseDirective(" multi name=x partition_column=day")
	assert.ErrorContains(t, err, "column 13: option name is set on each output of a multi-asset")
	assert.ErrorContains(t, err, "column 32: option partition_column is set on each output")
	_, err = ParseDirective(" can_subset=true")
	assert.ErrorContains(t, err, "column 13: option can_subset is for a multi-asset")
}

func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{"", " group=a", ` name=x deps=a,b tags=k:v,"k2:v 2"`, ` code_version="\"`, " =", " retries=3 timeout=1m", `"`, ",,,=", " tags=:",
		" partitions=Daily backfill=single partition_column=day", " partitions=p.Daily backfill=7", " map=a:window(-6...0),b/c:last,d:static(eu=x|y;'a b'=z),e:dim(date)",
		` map="a:static('x,y'=z)",b:window(`, " multi can_subset=true prefix=a", "multi", " multi name=x checks=unique(id)", " can_subset=maybe", " multix=1",
		` automation=and(eager,not(on_missing)) freshness=6h`,
		` automation="on_cron(0 7 * * *;Europe/Paris)" freshness="cron(0 9 * * *;UTC;3h)"`, ` automation=or(eager,,`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		o, err := ParseDirective(text)
		if err != nil {
			errs, ok := err.(SyntaxErrors)
			if !ok || len(errs) == 0 {
				t.Fatalf("error is %T %v, not SyntaxErrors", err, err)
			}
			for i, se := range errs {
				if se.Offset < 0 || se.Offset > len(text) {
					t.Fatalf("offset %d outside text of length %d", se.Offset, len(text))
				}
				if i > 0 && se.Offset < errs[i-1].Offset {
					t.Fatalf("problems out of order: %v", errs)
				}
			}
		}
		// Whatever parses yields valid keys.
		if o.Name != "" && !runtime.ValidName(o.Name) {
			t.Fatalf("invalid name %q accepted", o.Name)
		}
		for _, d := range o.Deps {
			if runtime.Key(d).Validate() != nil {
				t.Fatalf("invalid deps key %q accepted", d)
			}
		}
		if o.Retries < 0 || o.Timeout < 0 || o.RetryDelay < 0 {
			t.Fatalf("negative value accepted: %+v", o)
		}
		if o.Backfill < BackfillSingle {
			t.Fatalf("invalid backfill accepted: %d", o.Backfill)
		}
		for i, m := range o.Map {
			if m.Mapping == nil || m.Name == "" {
				t.Fatalf("map item %d accepted without a name or mapping: %+v", i, m)
			}
			if m.Offset < 0 || m.Offset >= len(text) {
				t.Fatalf("map offset %d outside text of length %d", m.Offset, len(text))
			}
			// A mapping's text parses back to an equal mapping.
			again, err := partition.ParseMapping(m.Mapping.String())
			if err != nil || again.String() != m.Mapping.String() {
				t.Fatalf("mapping %s does not round-trip: %v", m.Mapping, err)
			}
		}
	})
}

// TestClosestOption checks the did-you-mean of a misspelled option: a
// transposition is one edit, so "nmae" suggests "name".
func TestClosestOption(t *testing.T) {
	got, ok := suggest.Closest("nmae", optionNames)
	assert.True(t, ok)
	assert.Equal(t, "name", got)
}

// TestDirectiveSurvivesGofmt checks that every way of writing a directive
// is still one after gofmt, which rewrites "//asset:" and "//asset: x=y"
// in doc comments to "// asset:" and "// asset: x=y".
func TestDirectiveSurvivesGofmt(t *testing.T) {
	src := "package p\n\n// A is documented.\n//asset:\nfunc A() {}\n\n//asset: group=g\nfunc B() {}\n\n//asset:group=g io=x\nfunc C() {}\n"
	out, err := format.Source([]byte(src))
	require.NoError(t, err)
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", out, parser.ParseComments)
	require.NoError(t, err)
	want := map[string]string{"A": "", "B": " group=g", "C": "group=g io=x"}
	for _, d := range f.Decls {
		fd := d.(*ast.FuncDecl)
		found := false
		for _, c := range fd.Doc.List {
			if text, _, ok := directiveText(c.Text); ok {
				found = true
				assert.Equal(t, want[fd.Name.Name], text, fd.Name.Name)
			}
		}
		assert.True(t, found, "%s lost its directive after gofmt:\n%s", fd.Name.Name, out)
	}
}
