package web_test

import (
	"context"
	"io"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/web"
	"github.com/assetgen/assetgen/web/internal/testpipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAutomationFreshnessNext: the Automation page shows a freshness
// policy's next deadline in its NEXT column, and once.
func TestAutomationFreshnessNext(t *testing.T) {
	ctx := context.Background()
	log, err := history.Open(ctx, t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	defs := &runtime.Definitions{Assets: testpipeline.Assets()}
	d, err := automation.New(automation.Definitions{
		Freshness: map[runtime.Key]automation.Freshness{"orders": {Cron: "0 9 * * *", Zone: "UTC", MaxAge: time.Hour}},
	}, automation.Options{Assets: defs.Assets, Log: log})
	require.NoError(t, err)
	srv, err := web.New(web.Options{Defs: defs, Log: log, Automation: d})
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()

	resp, err := ts.Client().Get(ts.URL + "/automation")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	row := regexp.MustCompile(`(?s)<tr data-kind="freshness" data-name="orders">.*?</tr>`).FindString(string(body))
	require.NotEmpty(t, row, "no freshness row in\n%s", body)
	cells := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch(row, -1)
	require.Len(t, cells, 7, row)

	now := time.Now().UTC()
	next := time.Date(now.Year(), now.Month(), now.Day(), 9, 0, 0, 0, time.UTC)
	if !next.After(now) {
		next = next.AddDate(0, 0, 1)
	}
	want := next.Local().Format("2006-01-02 15:04:05")
	assert.Equal(t, want, cells[3][1], "the NEXT column of the freshness row")
	assert.Equal(t, 1, strings.Count(row, want), "the next deadline once in\n%s", row)
	assert.NotContains(t, cells[5][1], "next deadline")
}
