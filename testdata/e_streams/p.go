// Package p misuses streams of rows.
package p

import "iter"

// Row is a row.
type Row struct {
	ID int64
}

// Other has a column Row lacks.
type Other struct {
	Name string
}

// asset:
func Ints() iter.Seq2[int, error] { return nil }

// asset:
func Plain() iter.Seq[Row] { return nil }

// asset:
func Score() int { return 0 }

// asset:
func FromScore(score iter.Seq2[Row, error]) int { return 0 }

// asset:
func Rows() iter.Seq2[Row, error] { return nil }

// asset:
func Wrong(rows iter.Seq2[Other, error]) int { return 0 }

// asset:
func AsInt(rows int) int { return 0 }

// asset:
func AsSlice(rows []Other) int { return 0 }

// asset:
func Strings(rows iter.Seq2[string, error]) int { return 0 }
