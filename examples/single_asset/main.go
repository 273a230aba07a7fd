// Command single_asset materializes my_dataset, an asset that downloads a
// zip archive, unzips it and parses it, all inside one function. The
// archive is served from an embedded fixture by a local HTTP server, so the
// example needs no internet.
package main

import (
	_ "embed"
	"net/http"
	"net/http/httptest"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/examples/single_asset/dataset"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

//go:embed fixture/cities.zip
var archive []byte

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/zip")
		w.Write(archive)
	}))
	defer srv.Close()
	dataset.URL = srv.URL + "/cities.zip"

	cli.Main(runtime.Definitions{
		Assets:     dataset.Assets(),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New("data/single_asset")},
	})
}
