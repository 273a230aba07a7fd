package generator

import (
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/suggest"
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

func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{"", " group=a", ` name=x deps=a,b tags=k:v,"k2:v 2"`, ` code_version="\"`, " =", " retries=3 timeout=1m", `"`, ",,,=", " tags=:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		o, err := ParseDirective(text)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error is %T, not *SyntaxError", err)
			}
			if se.Offset < 0 || se.Offset > len(text) {
				t.Fatalf("offset %d outside text of length %d", se.Offset, len(text))
			}
			return
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
