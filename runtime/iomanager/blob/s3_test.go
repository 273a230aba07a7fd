package blob

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "gocloud.dev/blob/s3blob"

	"github.com/assetgen/assetgen/internal/s3test"
)

var s3srv struct {
	once sync.Once
	s    *s3test.Server
	err  error
}

func TestMain(m *testing.M) {
	if u := os.Getenv(envKillURL); u != "" {
		storeUntilKilled(u) // never returns
	}
	code := m.Run()
	if s3srv.s != nil {
		s3srv.s.Stop()
	}
	os.Exit(code)
}

// s3Server returns the package's versitygw server, started on first use,
// and a new bucket on it; the S3 driver gets the server's credentials
// from the environment.
func s3Server(t *testing.T) (*s3test.Server, string) {
	t.Helper()
	s3srv.once.Do(func() { s3srv.s, s3srv.err = s3test.Start() })
	require.NoError(t, s3srv.err)
	s := s3srv.s
	for k, v := range s.Env() {
		t.Setenv(k, v)
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	bucket := strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
	require.NoError(t, s.CreateBucket(bucket))
	return s, bucket
}

// TestS3 stores and loads rows, JSON values and partitions through a real
// S3 server, under a prefix taken from the URL's path.
func TestS3(t *testing.T) {
	s, bucket := s3Server(t)
	m, err := Open(context.Background(), s.URL(bucket, "team/prod"))
	require.NoError(t, err)
	defer m.Close()

	rows := everything()
	require.NoError(t, store(m, "all", "", rows))
	et := reflect.TypeOf(rows)
	got, err := load(m, "all", et, et)
	require.NoError(t, err)
	assert.Equal(t, rows, got)

	require.NoError(t, store(m, "stats/count", "", map[string]int{"a": 1}))
	got, err = load(m, "stats/count", reflect.TypeFor[map[string]int](), reflect.TypeFor[map[string]int]())
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"a": 1}, got)

	big := make([]Wide, 50_000) // several MB: the footer is not all of it
	for i := range big {
		big[i] = Wide{int64(i), strings.Repeat("x", i%100), nil, float64(i)}
	}
	for _, day := range []string{"2024-01-01", "2024-01-02"} {
		require.NoError(t, store(m, "wide", day, big))
	}
	got, err = load(m, "wide", reflect.TypeFor[[]Wide](), reflect.TypeFor[[]Narrow](), "2024-01-01", "2024-01-02")
	require.NoError(t, err)
	narrow := got.([]Narrow)
	require.Len(t, narrow, 2*len(big))
	assert.Equal(t, Narrow{big[49_999].Score, 49_999}, narrow[99_999])

	var objects []string
	root := filepath.Join(s.Dir, bucket)
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, ".sgw") {
			rel, _ := filepath.Rel(root, p)
			objects = append(objects, filepath.ToSlash(rel))
		}
		return err
	}))
	assert.ElementsMatch(t, []string{
		"team/prod/.stamps/all.json",
		"team/prod/.stamps/stats/count.json",
		"team/prod/.stamps/wide/partition=2024-01-01.json",
		"team/prod/.stamps/wide/partition=2024-01-02.json",
		"team/prod/all.parquet",
		"team/prod/stats/count.json",
		"team/prod/wide/partition=2024-01-01/data.parquet",
		"team/prod/wide/partition=2024-01-02/data.parquet",
	}, objects)
}

// TestS3Errors checks the messages of a missing bucket, of credentials
// the server refuses and of a URL holding a secret: each names the URL,
// none shows a secret.
func TestS3Errors(t *testing.T) {
	s, bucket := s3Server(t)
	m, err := Open(context.Background(), s.URL("no-such-bucket", "p"))
	require.NoError(t, err, "Open does not reach the server")
	defer m.Close()
	where := "object p/a.parquet in " + s.URL("no-such-bucket", "p")
	err = store(m, "a", "", []Sale{{"x", 1}})
	assert.ErrorContains(t, err, "asset a: store "+where+": the bucket does not exist: ")
	assert.ErrorContains(t, err, "NoSuchBucket")
	_, err = load(m, "a", reflect.TypeFor[[]Sale](), reflect.TypeFor[[]Sale]())
	assert.ErrorContains(t, err, "asset a: load "+where+": the bucket does not exist: ")

	m, err = Open(context.Background(), s.URL(bucket, "p"))
	require.NoError(t, err)
	defer m.Close()
	_, err = load(m, "a", reflect.TypeFor[[]Sale](), reflect.TypeFor[[]Sale]())
	assert.EqualError(t, err, "asset a has no materialization: object p/a.parquet in "+s.URL(bucket, "p")+" does not exist")
	require.NoError(t, store(m, "a", "", []Sale{{"x", 1}}))

	t.Setenv("AWS_SECRET_ACCESS_KEY", "wrong-secret-value")
	m, err = Open(context.Background(), s.URL(bucket, "p"))
	require.NoError(t, err)
	defer m.Close()
	where = "object p/a.parquet in " + s.URL(bucket, "p")
	err = store(m, "a", "", []Sale{{"y", 2}})
	assert.ErrorContains(t, err, "asset a: store "+where+": access denied (check the credentials): ")
	assert.ErrorContains(t, err, "SignatureDoesNotMatch")
	_, err = load(m, "a", reflect.TypeFor[[]Sale](), reflect.TypeFor[[]Sale]())
	assert.ErrorContains(t, err, "asset a: load "+where+": access denied (check the credentials): ")
	for _, err := range []error{err} {
		assert.NotContains(t, err.Error(), "wrong-secret-value")
	}

	_, err = Open(context.Background(), s.URL(bucket, "p")+"&secret=hunter2hunter2&x-amz-signature=abcdef")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "hunter2")
	assert.NotContains(t, err.Error(), "abcdef")
	assert.ErrorContains(t, err, "secret=REDACTED&x-amz-signature=REDACTED")
}

// TestS3CancelledStore cancels an upload midway: the server keeps the
// previous object.
func TestS3CancelledStore(t *testing.T) {
	s, bucket := s3Server(t)
	m, err := Open(context.Background(), s.URL(bucket, ""))
	require.NoError(t, err)
	defer m.Close()
	old := []Sale{{"old", 1}}
	require.NoError(t, store(m, "sales", "", old))
	path := filepath.Join(s.Dir, bucket, "sales.parquet")
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	// Cancel once the server holds a part of the upload.
	err = storeCancelled(m, "sales", func() bool { return dirBytes(t, filepath.Join(s.Dir, bucket)) > int64(len(before)) })
	require.ErrorIs(t, err, context.Canceled)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	got, err := load(m, "sales", reflect.TypeOf(old), reflect.TypeOf(old))
	require.NoError(t, err)
	assert.Equal(t, old, got)
}

// dirBytes returns the size of the files under dir, hidden ones included.
func dirBytes(t *testing.T, dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// TestS3Stamp checks stamps on the S3 server, whose ETags are MD5s.
func TestS3Stamp(t *testing.T) {
	s, bucket := s3Server(t)
	m, err := Open(context.Background(), s.URL(bucket, "p"))
	require.NoError(t, err)
	defer m.Close()
	ctx := context.Background()
	require.NoError(t, storeRun(m, "run-1", "sales", "2024-01-01", []Sale{{"a", 1}}))
	data, err := os.ReadFile(filepath.Join(s.Dir, bucket, "p/sales/partition=2024-01-01/data.parquet"))
	require.NoError(t, err)
	st, ok, err := m.Stamp(ctx, "sales", "2024-01-01")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "run-1", st.RunID)
	assert.Equal(t, sha(data), st.DataVersion)

	require.NoError(t, m.Bucket().WriteAll(ctx, "p/sales/partition=2024-01-01/data.parquet", []byte("other"), nil))
	st, ok, err = m.Stamp(ctx, "sales", "2024-01-01")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "", st.RunID)
	assert.Equal(t, sha([]byte("other")), st.DataVersion)
}
