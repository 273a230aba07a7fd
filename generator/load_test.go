package generator

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadOverStaleFile loads a package whose generated file no longer
// compiles and names an old package: the file is read as a stub, and the
// dependencies' types still come from export data, not from their
// source (go/packages parses and type-checks every dependency when it is
// given Config.Overlay, which made regeneration several times as costly
// as a first generation).
func TestLoadOverStaleFile(t *testing.T) {
	dir := tempTree(t, map[string]string{
		"go.mod":   "module example.com/stale\n\ngo 1.26.0\n",
		"p.go":     "package p\n\nimport \"context\"\n\n// asset:\nfunc A(ctx context.Context) int { return 0 }\n",
		OutputName: Header + "\n\npackage old\n\nfunc Assets() []int { return Gone() }\n",
	})
	pkgs, foreign, err := load(dir, []string{"."}, nil)
	require.NoError(t, err)
	require.Empty(t, foreign)
	require.Len(t, pkgs, 1)
	p := pkgs[0]
	assert.Empty(t, p.Errors)
	assert.Equal(t, "p", p.Name)
	ctx := p.Imports["context"]
	require.NotNil(t, ctx, "imports: %v", p.Imports)
	assert.NotNil(t, ctx.Types)
	assert.Empty(t, ctx.Syntax, "package context was parsed from source")

	gen, err := Generate(dir, ".")
	require.NoError(t, err)
	require.Len(t, gen, 1)
	assert.Empty(t, gen[0].Errors)
	assert.Contains(t, string(gen[0].Src), "package p\n")
}
