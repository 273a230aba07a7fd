// Package dataset is the single_asset example: one asset that downloads a
// zip archive, unzips it and parses the rows, combining all three steps
// inside one function built from plain helpers.
package dataset

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// URL is where MyDataset downloads the archive from. The example's main
// points it at a local server, since the machines it runs on have no
// internet.
var URL = "http://127.0.0.1:0/cities.zip"

// City is one row of the dataset.
type City struct {
	Name       string
	Country    string
	Population int64
}

// MyDataset downloads the cities archive and loads its rows.
//
// asset: name=my_dataset kinds=csv
func MyDataset(ctx context.Context) ([]City, error) {
	data, err := download(ctx, URL)
	if err != nil {
		return nil, err
	}
	csvData, err := unzip(data, "cities.csv")
	if err != nil {
		return nil, err
	}
	return parse(csvData)
}

// download fetches url into memory.
func download(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// unzip returns the contents of the file name in the zip archive data.
func unzip(data []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("unzip: %w", err)
	}
	f, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("unzip: %w", err)
	}
	defer f.Close()
	return io.ReadAll(f)
}

// parse reads CSV rows of name, country and population, after a header.
func parse(data []byte) ([]City, error) {
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("parse: empty file")
	}
	cities := make([]City, 0, len(records)-1)
	for i, r := range records[1:] {
		if len(r) != 3 {
			return nil, fmt.Errorf("parse: line %d: want 3 fields, got %d", i+2, len(r))
		}
		pop, err := strconv.ParseInt(r[2], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("parse: line %d: population: %w", i+2, err)
		}
		cities = append(cities, City{Name: r[0], Country: r[1], Population: pop})
	}
	return cities, nil
}
