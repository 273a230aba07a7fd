package chain

import "context"

// Row is one row of every asset.
type Row struct {
	ID    int64
	Name  string
	Score float64
}

var _ context.Context

// Asset0 is asset number 0 of the chain.
//
//asset: group=g0
func Asset0() []Row { return []Row{{ID: 1, Name: "first"}} }

// Asset1 is asset number 1 of the chain.
//
//asset: group=g1
func Asset1(asset0 []Row) []Row {
	out := make([]Row, 0, len(asset0))
	for _, r := range asset0 {
		r.Score++
		out = append(out, r)
	}
	return out
}

// Asset2 is asset number 2 of the chain.
//
//asset: group=g2
func Asset2(asset1 []Row) []Row {
	out := make([]Row, 0, len(asset1))
	for _, r := range asset1 {
		r.Score++
		out = append(out, r)
	}
	return out
}

// Asset3 is asset number 3 of the chain.
//
//asset: group=g3
func Asset3(ctx context.Context, asset2, asset1 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset2)+len(asset1))
	out = append(out, asset2...)
	for _, r := range asset1 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset4 is asset number 4 of the chain.
//
//asset: group=g4
func Asset4(ctx context.Context, asset3, asset2 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset3)+len(asset2))
	out = append(out, asset3...)
	for _, r := range asset2 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset5 is asset number 5 of the chain.
//
//asset: group=g5
func Asset5(ctx context.Context, asset4, asset2 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset4)+len(asset2))
	out = append(out, asset4...)
	for _, r := range asset2 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset6 is asset number 6 of the chain.
//
//asset: group=g6
func Asset6(ctx context.Context, asset5, asset3 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset5)+len(asset3))
	out = append(out, asset5...)
	for _, r := range asset3 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset7 is asset number 7 of the chain.
//
//asset: group=g7
func Asset7(ctx context.Context, asset6, asset3 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset6)+len(asset3))
	out = append(out, asset6...)
	for _, r := range asset3 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset8 is asset number 8 of the chain.
//
//asset: group=g8
func Asset8(ctx context.Context, asset7, asset4 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset7)+len(asset4))
	out = append(out, asset7...)
	for _, r := range asset4 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset9 is asset number 9 of the chain.
//
//asset: group=g9
func Asset9(ctx context.Context, asset8, asset4 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset8)+len(asset4))
	out = append(out, asset8...)
	for _, r := range asset4 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset10 is asset number 10 of the chain.
//
//asset: group=g0
func Asset10(ctx context.Context, asset9, asset5 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset9)+len(asset5))
	out = append(out, asset9...)
	for _, r := range asset5 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset11 is asset number 11 of the chain.
//
//asset: group=g1
func Asset11(ctx context.Context, asset10, asset5 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset10)+len(asset5))
	out = append(out, asset10...)
	for _, r := range asset5 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset12 is asset number 12 of the chain.
//
//asset: group=g2
func Asset12(ctx context.Context, asset11, asset6 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset11)+len(asset6))
	out = append(out, asset11...)
	for _, r := range asset6 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset13 is asset number 13 of the chain.
//
//asset: group=g3
func Asset13(ctx context.Context, asset12, asset6 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset12)+len(asset6))
	out = append(out, asset12...)
	for _, r := range asset6 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset14 is asset number 14 of the chain.
//
//asset: group=g4
func Asset14(ctx context.Context, asset13, asset7 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset13)+len(asset7))
	out = append(out, asset13...)
	for _, r := range asset7 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset15 is asset number 15 of the chain.
//
//asset: group=g5
func Asset15(ctx context.Context, asset14, asset7 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset14)+len(asset7))
	out = append(out, asset14...)
	for _, r := range asset7 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset16 is asset number 16 of the chain.
//
//asset: group=g6
func Asset16(ctx context.Context, asset15, asset8 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset15)+len(asset8))
	out = append(out, asset15...)
	for _, r := range asset8 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset17 is asset number 17 of the chain.
//
//asset: group=g7
func Asset17(ctx context.Context, asset16, asset8 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset16)+len(asset8))
	out = append(out, asset16...)
	for _, r := range asset8 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset18 is asset number 18 of the chain.
//
//asset: group=g8
func Asset18(ctx context.Context, asset17, asset9 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset17)+len(asset9))
	out = append(out, asset17...)
	for _, r := range asset9 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset19 is asset number 19 of the chain.
//
//asset: group=g9
func Asset19(ctx context.Context, asset18, asset9 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset18)+len(asset9))
	out = append(out, asset18...)
	for _, r := range asset9 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset20 is asset number 20 of the chain.
//
//asset: group=g0
func Asset20(ctx context.Context, asset19, asset10 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset19)+len(asset10))
	out = append(out, asset19...)
	for _, r := range asset10 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset21 is asset number 21 of the chain.
//
//asset: group=g1
func Asset21(ctx context.Context, asset20, asset10 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset20)+len(asset10))
	out = append(out, asset20...)
	for _, r := range asset10 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset22 is asset number 22 of the chain.
//
//asset: group=g2
func Asset22(ctx context.Context, asset21, asset11 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset21)+len(asset11))
	out = append(out, asset21...)
	for _, r := range asset11 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset23 is asset number 23 of the chain.
//
//asset: group=g3
func Asset23(ctx context.Context, asset22, asset11 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset22)+len(asset11))
	out = append(out, asset22...)
	for _, r := range asset11 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset24 is asset number 24 of the chain.
//
//asset: group=g4
func Asset24(ctx context.Context, asset23, asset12 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset23)+len(asset12))
	out = append(out, asset23...)
	for _, r := range asset12 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset25 is asset number 25 of the chain.
//
//asset: group=g5
func Asset25(ctx context.Context, asset24, asset12 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset24)+len(asset12))
	out = append(out, asset24...)
	for _, r := range asset12 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset26 is asset number 26 of the chain.
//
//asset: group=g6
func Asset26(ctx context.Context, asset25, asset13 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset25)+len(asset13))
	out = append(out, asset25...)
	for _, r := range asset13 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset27 is asset number 27 of the chain.
//
//asset: group=g7
func Asset27(ctx context.Context, asset26, asset13 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset26)+len(asset13))
	out = append(out, asset26...)
	for _, r := range asset13 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset28 is asset number 28 of the chain.
//
//asset: group=g8
func Asset28(ctx context.Context, asset27, asset14 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset27)+len(asset14))
	out = append(out, asset27...)
	for _, r := range asset14 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset29 is asset number 29 of the chain.
//
//asset: group=g9
func Asset29(ctx context.Context, asset28, asset14 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset28)+len(asset14))
	out = append(out, asset28...)
	for _, r := range asset14 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset30 is asset number 30 of the chain.
//
//asset: group=g0
func Asset30(ctx context.Context, asset29, asset15 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset29)+len(asset15))
	out = append(out, asset29...)
	for _, r := range asset15 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset31 is asset number 31 of the chain.
//
//asset: group=g1
func Asset31(ctx context.Context, asset30, asset15 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset30)+len(asset15))
	out = append(out, asset30...)
	for _, r := range asset15 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset32 is asset number 32 of the chain.
//
//asset: group=g2
func Asset32(ctx context.Context, asset31, asset16 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset31)+len(asset16))
	out = append(out, asset31...)
	for _, r := range asset16 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset33 is asset number 33 of the chain.
//
//asset: group=g3
func Asset33(ctx context.Context, asset32, asset16 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset32)+len(asset16))
	out = append(out, asset32...)
	for _, r := range asset16 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset34 is asset number 34 of the chain.
//
//asset: group=g4
func Asset34(ctx context.Context, asset33, asset17 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset33)+len(asset17))
	out = append(out, asset33...)
	for _, r := range asset17 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset35 is asset number 35 of the chain.
//
//asset: group=g5
func Asset35(ctx context.Context, asset34, asset17 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset34)+len(asset17))
	out = append(out, asset34...)
	for _, r := range asset17 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset36 is asset number 36 of the chain.
//
//asset: group=g6
func Asset36(ctx context.Context, asset35, asset18 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset35)+len(asset18))
	out = append(out, asset35...)
	for _, r := range asset18 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset37 is asset number 37 of the chain.
//
//asset: group=g7
func Asset37(ctx context.Context, asset36, asset18 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset36)+len(asset18))
	out = append(out, asset36...)
	for _, r := range asset18 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset38 is asset number 38 of the chain.
//
//asset: group=g8
func Asset38(ctx context.Context, asset37, asset19 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset37)+len(asset19))
	out = append(out, asset37...)
	for _, r := range asset19 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset39 is asset number 39 of the chain.
//
//asset: group=g9
func Asset39(ctx context.Context, asset38, asset19 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset38)+len(asset19))
	out = append(out, asset38...)
	for _, r := range asset19 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset40 is asset number 40 of the chain.
//
//asset: group=g0
func Asset40(ctx context.Context, asset39, asset20 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset39)+len(asset20))
	out = append(out, asset39...)
	for _, r := range asset20 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset41 is asset number 41 of the chain.
//
//asset: group=g1
func Asset41(ctx context.Context, asset40, asset20 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset40)+len(asset20))
	out = append(out, asset40...)
	for _, r := range asset20 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset42 is asset number 42 of the chain.
//
//asset: group=g2
func Asset42(ctx context.Context, asset41, asset21 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset41)+len(asset21))
	out = append(out, asset41...)
	for _, r := range asset21 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset43 is asset number 43 of the chain.
//
//asset: group=g3
func Asset43(ctx context.Context, asset42, asset21 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset42)+len(asset21))
	out = append(out, asset42...)
	for _, r := range asset21 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset44 is asset number 44 of the chain.
//
//asset: group=g4
func Asset44(ctx context.Context, asset43, asset22 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset43)+len(asset22))
	out = append(out, asset43...)
	for _, r := range asset22 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset45 is asset number 45 of the chain.
//
//asset: group=g5
func Asset45(ctx context.Context, asset44, asset22 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset44)+len(asset22))
	out = append(out, asset44...)
	for _, r := range asset22 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset46 is asset number 46 of the chain.
//
//asset: group=g6
func Asset46(ctx context.Context, asset45, asset23 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset45)+len(asset23))
	out = append(out, asset45...)
	for _, r := range asset23 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset47 is asset number 47 of the chain.
//
//asset: group=g7
func Asset47(ctx context.Context, asset46, asset23 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset46)+len(asset23))
	out = append(out, asset46...)
	for _, r := range asset23 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset48 is asset number 48 of the chain.
//
//asset: group=g8
func Asset48(ctx context.Context, asset47, asset24 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset47)+len(asset24))
	out = append(out, asset47...)
	for _, r := range asset24 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset49 is asset number 49 of the chain.
//
//asset: group=g9
func Asset49(ctx context.Context, asset48, asset24 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset48)+len(asset24))
	out = append(out, asset48...)
	for _, r := range asset24 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset50 is asset number 50 of the chain.
//
//asset: group=g0
func Asset50(ctx context.Context, asset49, asset25 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset49)+len(asset25))
	out = append(out, asset49...)
	for _, r := range asset25 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset51 is asset number 51 of the chain.
//
//asset: group=g1
func Asset51(ctx context.Context, asset50, asset25 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset50)+len(asset25))
	out = append(out, asset50...)
	for _, r := range asset25 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset52 is asset number 52 of the chain.
//
//asset: group=g2
func Asset52(ctx context.Context, asset51, asset26 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset51)+len(asset26))
	out = append(out, asset51...)
	for _, r := range asset26 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset53 is asset number 53 of the chain.
//
//asset: group=g3
func Asset53(ctx context.Context, asset52, asset26 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset52)+len(asset26))
	out = append(out, asset52...)
	for _, r := range asset26 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset54 is asset number 54 of the chain.
//
//asset: group=g4
func Asset54(ctx context.Context, asset53, asset27 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset53)+len(asset27))
	out = append(out, asset53...)
	for _, r := range asset27 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset55 is asset number 55 of the chain.
//
//asset: group=g5
func Asset55(ctx context.Context, asset54, asset27 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset54)+len(asset27))
	out = append(out, asset54...)
	for _, r := range asset27 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset56 is asset number 56 of the chain.
//
//asset: group=g6
func Asset56(ctx context.Context, asset55, asset28 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset55)+len(asset28))
	out = append(out, asset55...)
	for _, r := range asset28 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset57 is asset number 57 of the chain.
//
//asset: group=g7
func Asset57(ctx context.Context, asset56, asset28 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset56)+len(asset28))
	out = append(out, asset56...)
	for _, r := range asset28 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset58 is asset number 58 of the chain.
//
//asset: group=g8
func Asset58(ctx context.Context, asset57, asset29 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset57)+len(asset29))
	out = append(out, asset57...)
	for _, r := range asset29 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset59 is asset number 59 of the chain.
//
//asset: group=g9
func Asset59(ctx context.Context, asset58, asset29 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset58)+len(asset29))
	out = append(out, asset58...)
	for _, r := range asset29 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset60 is asset number 60 of the chain.
//
//asset: group=g0
func Asset60(ctx context.Context, asset59, asset30 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset59)+len(asset30))
	out = append(out, asset59...)
	for _, r := range asset30 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset61 is asset number 61 of the chain.
//
//asset: group=g1
func Asset61(ctx context.Context, asset60, asset30 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset60)+len(asset30))
	out = append(out, asset60...)
	for _, r := range asset30 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset62 is asset number 62 of the chain.
//
//asset: group=g2
func Asset62(ctx context.Context, asset61, asset31 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset61)+len(asset31))
	out = append(out, asset61...)
	for _, r := range asset31 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset63 is asset number 63 of the chain.
//
//asset: group=g3
func Asset63(ctx context.Context, asset62, asset31 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset62)+len(asset31))
	out = append(out, asset62...)
	for _, r := range asset31 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset64 is asset number 64 of the chain.
//
//asset: group=g4
func Asset64(ctx context.Context, asset63, asset32 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset63)+len(asset32))
	out = append(out, asset63...)
	for _, r := range asset32 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset65 is asset number 65 of the chain.
//
//asset: group=g5
func Asset65(ctx context.Context, asset64, asset32 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset64)+len(asset32))
	out = append(out, asset64...)
	for _, r := range asset32 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset66 is asset number 66 of the chain.
//
//asset: group=g6
func Asset66(ctx context.Context, asset65, asset33 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset65)+len(asset33))
	out = append(out, asset65...)
	for _, r := range asset33 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset67 is asset number 67 of the chain.
//
//asset: group=g7
func Asset67(ctx context.Context, asset66, asset33 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset66)+len(asset33))
	out = append(out, asset66...)
	for _, r := range asset33 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset68 is asset number 68 of the chain.
//
//asset: group=g8
func Asset68(ctx context.Context, asset67, asset34 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset67)+len(asset34))
	out = append(out, asset67...)
	for _, r := range asset34 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset69 is asset number 69 of the chain.
//
//asset: group=g9
func Asset69(ctx context.Context, asset68, asset34 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset68)+len(asset34))
	out = append(out, asset68...)
	for _, r := range asset34 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset70 is asset number 70 of the chain.
//
//asset: group=g0
func Asset70(ctx context.Context, asset69, asset35 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset69)+len(asset35))
	out = append(out, asset69...)
	for _, r := range asset35 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset71 is asset number 71 of the chain.
//
//asset: group=g1
func Asset71(ctx context.Context, asset70, asset35 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset70)+len(asset35))
	out = append(out, asset70...)
	for _, r := range asset35 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset72 is asset number 72 of the chain.
//
//asset: group=g2
func Asset72(ctx context.Context, asset71, asset36 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset71)+len(asset36))
	out = append(out, asset71...)
	for _, r := range asset36 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset73 is asset number 73 of the chain.
//
//asset: group=g3
func Asset73(ctx context.Context, asset72, asset36 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset72)+len(asset36))
	out = append(out, asset72...)
	for _, r := range asset36 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset74 is asset number 74 of the chain.
//
//asset: group=g4
func Asset74(ctx context.Context, asset73, asset37 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset73)+len(asset37))
	out = append(out, asset73...)
	for _, r := range asset37 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset75 is asset number 75 of the chain.
//
//asset: group=g5
func Asset75(ctx context.Context, asset74, asset37 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset74)+len(asset37))
	out = append(out, asset74...)
	for _, r := range asset37 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset76 is asset number 76 of the chain.
//
//asset: group=g6
func Asset76(ctx context.Context, asset75, asset38 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset75)+len(asset38))
	out = append(out, asset75...)
	for _, r := range asset38 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset77 is asset number 77 of the chain.
//
//asset: group=g7
func Asset77(ctx context.Context, asset76, asset38 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset76)+len(asset38))
	out = append(out, asset76...)
	for _, r := range asset38 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset78 is asset number 78 of the chain.
//
//asset: group=g8
func Asset78(ctx context.Context, asset77, asset39 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset77)+len(asset39))
	out = append(out, asset77...)
	for _, r := range asset39 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset79 is asset number 79 of the chain.
//
//asset: group=g9
func Asset79(ctx context.Context, asset78, asset39 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset78)+len(asset39))
	out = append(out, asset78...)
	for _, r := range asset39 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset80 is asset number 80 of the chain.
//
//asset: group=g0
func Asset80(ctx context.Context, asset79, asset40 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset79)+len(asset40))
	out = append(out, asset79...)
	for _, r := range asset40 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset81 is asset number 81 of the chain.
//
//asset: group=g1
func Asset81(ctx context.Context, asset80, asset40 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset80)+len(asset40))
	out = append(out, asset80...)
	for _, r := range asset40 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset82 is asset number 82 of the chain.
//
//asset: group=g2
func Asset82(ctx context.Context, asset81, asset41 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset81)+len(asset41))
	out = append(out, asset81...)
	for _, r := range asset41 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset83 is asset number 83 of the chain.
//
//asset: group=g3
func Asset83(ctx context.Context, asset82, asset41 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset82)+len(asset41))
	out = append(out, asset82...)
	for _, r := range asset41 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset84 is asset number 84 of the chain.
//
//asset: group=g4
func Asset84(ctx context.Context, asset83, asset42 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset83)+len(asset42))
	out = append(out, asset83...)
	for _, r := range asset42 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset85 is asset number 85 of the chain.
//
//asset: group=g5
func Asset85(ctx context.Context, asset84, asset42 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset84)+len(asset42))
	out = append(out, asset84...)
	for _, r := range asset42 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset86 is asset number 86 of the chain.
//
//asset: group=g6
func Asset86(ctx context.Context, asset85, asset43 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset85)+len(asset43))
	out = append(out, asset85...)
	for _, r := range asset43 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset87 is asset number 87 of the chain.
//
//asset: group=g7
func Asset87(ctx context.Context, asset86, asset43 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset86)+len(asset43))
	out = append(out, asset86...)
	for _, r := range asset43 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset88 is asset number 88 of the chain.
//
//asset: group=g8
func Asset88(ctx context.Context, asset87, asset44 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset87)+len(asset44))
	out = append(out, asset87...)
	for _, r := range asset44 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset89 is asset number 89 of the chain.
//
//asset: group=g9
func Asset89(ctx context.Context, asset88, asset44 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset88)+len(asset44))
	out = append(out, asset88...)
	for _, r := range asset44 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset90 is asset number 90 of the chain.
//
//asset: group=g0
func Asset90(ctx context.Context, asset89, asset45 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset89)+len(asset45))
	out = append(out, asset89...)
	for _, r := range asset45 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset91 is asset number 91 of the chain.
//
//asset: group=g1
func Asset91(ctx context.Context, asset90, asset45 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset90)+len(asset45))
	out = append(out, asset90...)
	for _, r := range asset45 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset92 is asset number 92 of the chain.
//
//asset: group=g2
func Asset92(ctx context.Context, asset91, asset46 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset91)+len(asset46))
	out = append(out, asset91...)
	for _, r := range asset46 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset93 is asset number 93 of the chain.
//
//asset: group=g3
func Asset93(ctx context.Context, asset92, asset46 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset92)+len(asset46))
	out = append(out, asset92...)
	for _, r := range asset46 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset94 is asset number 94 of the chain.
//
//asset: group=g4
func Asset94(ctx context.Context, asset93, asset47 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset93)+len(asset47))
	out = append(out, asset93...)
	for _, r := range asset47 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset95 is asset number 95 of the chain.
//
//asset: group=g5
func Asset95(ctx context.Context, asset94, asset47 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset94)+len(asset47))
	out = append(out, asset94...)
	for _, r := range asset47 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset96 is asset number 96 of the chain.
//
//asset: group=g6
func Asset96(ctx context.Context, asset95, asset48 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset95)+len(asset48))
	out = append(out, asset95...)
	for _, r := range asset48 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset97 is asset number 97 of the chain.
//
//asset: group=g7
func Asset97(ctx context.Context, asset96, asset48 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset96)+len(asset48))
	out = append(out, asset96...)
	for _, r := range asset48 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset98 is asset number 98 of the chain.
//
//asset: group=g8
func Asset98(ctx context.Context, asset97, asset49 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset97)+len(asset49))
	out = append(out, asset97...)
	for _, r := range asset49 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset99 is asset number 99 of the chain.
//
//asset: group=g9
func Asset99(ctx context.Context, asset98, asset49 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset98)+len(asset49))
	out = append(out, asset98...)
	for _, r := range asset49 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset100 is asset number 100 of the chain.
//
//asset: group=g0
func Asset100(ctx context.Context, asset99, asset50 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset99)+len(asset50))
	out = append(out, asset99...)
	for _, r := range asset50 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset101 is asset number 101 of the chain.
//
//asset: group=g1
func Asset101(ctx context.Context, asset100, asset50 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset100)+len(asset50))
	out = append(out, asset100...)
	for _, r := range asset50 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset102 is asset number 102 of the chain.
//
//asset: group=g2
func Asset102(ctx context.Context, asset101, asset51 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset101)+len(asset51))
	out = append(out, asset101...)
	for _, r := range asset51 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset103 is asset number 103 of the chain.
//
//asset: group=g3
func Asset103(ctx context.Context, asset102, asset51 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset102)+len(asset51))
	out = append(out, asset102...)
	for _, r := range asset51 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset104 is asset number 104 of the chain.
//
//asset: group=g4
func Asset104(ctx context.Context, asset103, asset52 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset103)+len(asset52))
	out = append(out, asset103...)
	for _, r := range asset52 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset105 is asset number 105 of the chain.
//
//asset: group=g5
func Asset105(ctx context.Context, asset104, asset52 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset104)+len(asset52))
	out = append(out, asset104...)
	for _, r := range asset52 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset106 is asset number 106 of the chain.
//
//asset: group=g6
func Asset106(ctx context.Context, asset105, asset53 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset105)+len(asset53))
	out = append(out, asset105...)
	for _, r := range asset53 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset107 is asset number 107 of the chain.
//
//asset: group=g7
func Asset107(ctx context.Context, asset106, asset53 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset106)+len(asset53))
	out = append(out, asset106...)
	for _, r := range asset53 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset108 is asset number 108 of the chain.
//
//asset: group=g8
func Asset108(ctx context.Context, asset107, asset54 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset107)+len(asset54))
	out = append(out, asset107...)
	for _, r := range asset54 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset109 is asset number 109 of the chain.
//
//asset: group=g9
func Asset109(ctx context.Context, asset108, asset54 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset108)+len(asset54))
	out = append(out, asset108...)
	for _, r := range asset54 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset110 is asset number 110 of the chain.
//
//asset: group=g0
func Asset110(ctx context.Context, asset109, asset55 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset109)+len(asset55))
	out = append(out, asset109...)
	for _, r := range asset55 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset111 is asset number 111 of the chain.
//
//asset: group=g1
func Asset111(ctx context.Context, asset110, asset55 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset110)+len(asset55))
	out = append(out, asset110...)
	for _, r := range asset55 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset112 is asset number 112 of the chain.
//
//asset: group=g2
func Asset112(ctx context.Context, asset111, asset56 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset111)+len(asset56))
	out = append(out, asset111...)
	for _, r := range asset56 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset113 is asset number 113 of the chain.
//
//asset: group=g3
func Asset113(ctx context.Context, asset112, asset56 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset112)+len(asset56))
	out = append(out, asset112...)
	for _, r := range asset56 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset114 is asset number 114 of the chain.
//
//asset: group=g4
func Asset114(ctx context.Context, asset113, asset57 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset113)+len(asset57))
	out = append(out, asset113...)
	for _, r := range asset57 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset115 is asset number 115 of the chain.
//
//asset: group=g5
func Asset115(ctx context.Context, asset114, asset57 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset114)+len(asset57))
	out = append(out, asset114...)
	for _, r := range asset57 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset116 is asset number 116 of the chain.
//
//asset: group=g6
func Asset116(ctx context.Context, asset115, asset58 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset115)+len(asset58))
	out = append(out, asset115...)
	for _, r := range asset58 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset117 is asset number 117 of the chain.
//
//asset: group=g7
func Asset117(ctx context.Context, asset116, asset58 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset116)+len(asset58))
	out = append(out, asset116...)
	for _, r := range asset58 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset118 is asset number 118 of the chain.
//
//asset: group=g8
func Asset118(ctx context.Context, asset117, asset59 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset117)+len(asset59))
	out = append(out, asset117...)
	for _, r := range asset59 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset119 is asset number 119 of the chain.
//
//asset: group=g9
func Asset119(ctx context.Context, asset118, asset59 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset118)+len(asset59))
	out = append(out, asset118...)
	for _, r := range asset59 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset120 is asset number 120 of the chain.
//
//asset: group=g0
func Asset120(ctx context.Context, asset119, asset60 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset119)+len(asset60))
	out = append(out, asset119...)
	for _, r := range asset60 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset121 is asset number 121 of the chain.
//
//asset: group=g1
func Asset121(ctx context.Context, asset120, asset60 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset120)+len(asset60))
	out = append(out, asset120...)
	for _, r := range asset60 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset122 is asset number 122 of the chain.
//
//asset: group=g2
func Asset122(ctx context.Context, asset121, asset61 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset121)+len(asset61))
	out = append(out, asset121...)
	for _, r := range asset61 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset123 is asset number 123 of the chain.
//
//asset: group=g3
func Asset123(ctx context.Context, asset122, asset61 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset122)+len(asset61))
	out = append(out, asset122...)
	for _, r := range asset61 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset124 is asset number 124 of the chain.
//
//asset: group=g4
func Asset124(ctx context.Context, asset123, asset62 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset123)+len(asset62))
	out = append(out, asset123...)
	for _, r := range asset62 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset125 is asset number 125 of the chain.
//
//asset: group=g5
func Asset125(ctx context.Context, asset124, asset62 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset124)+len(asset62))
	out = append(out, asset124...)
	for _, r := range asset62 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset126 is asset number 126 of the chain.
//
//asset: group=g6
func Asset126(ctx context.Context, asset125, asset63 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset125)+len(asset63))
	out = append(out, asset125...)
	for _, r := range asset63 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset127 is asset number 127 of the chain.
//
//asset: group=g7
func Asset127(ctx context.Context, asset126, asset63 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset126)+len(asset63))
	out = append(out, asset126...)
	for _, r := range asset63 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset128 is asset number 128 of the chain.
//
//asset: group=g8
func Asset128(ctx context.Context, asset127, asset64 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset127)+len(asset64))
	out = append(out, asset127...)
	for _, r := range asset64 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset129 is asset number 129 of the chain.
//
//asset: group=g9
func Asset129(ctx context.Context, asset128, asset64 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset128)+len(asset64))
	out = append(out, asset128...)
	for _, r := range asset64 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset130 is asset number 130 of the chain.
//
//asset: group=g0
func Asset130(ctx context.Context, asset129, asset65 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset129)+len(asset65))
	out = append(out, asset129...)
	for _, r := range asset65 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset131 is asset number 131 of the chain.
//
//asset: group=g1
func Asset131(ctx context.Context, asset130, asset65 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset130)+len(asset65))
	out = append(out, asset130...)
	for _, r := range asset65 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset132 is asset number 132 of the chain.
//
//asset: group=g2
func Asset132(ctx context.Context, asset131, asset66 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset131)+len(asset66))
	out = append(out, asset131...)
	for _, r := range asset66 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset133 is asset number 133 of the chain.
//
//asset: group=g3
func Asset133(ctx context.Context, asset132, asset66 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset132)+len(asset66))
	out = append(out, asset132...)
	for _, r := range asset66 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset134 is asset number 134 of the chain.
//
//asset: group=g4
func Asset134(ctx context.Context, asset133, asset67 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset133)+len(asset67))
	out = append(out, asset133...)
	for _, r := range asset67 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset135 is asset number 135 of the chain.
//
//asset: group=g5
func Asset135(ctx context.Context, asset134, asset67 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset134)+len(asset67))
	out = append(out, asset134...)
	for _, r := range asset67 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset136 is asset number 136 of the chain.
//
//asset: group=g6
func Asset136(ctx context.Context, asset135, asset68 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset135)+len(asset68))
	out = append(out, asset135...)
	for _, r := range asset68 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset137 is asset number 137 of the chain.
//
//asset: group=g7
func Asset137(ctx context.Context, asset136, asset68 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset136)+len(asset68))
	out = append(out, asset136...)
	for _, r := range asset68 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset138 is asset number 138 of the chain.
//
//asset: group=g8
func Asset138(ctx context.Context, asset137, asset69 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset137)+len(asset69))
	out = append(out, asset137...)
	for _, r := range asset69 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset139 is asset number 139 of the chain.
//
//asset: group=g9
func Asset139(ctx context.Context, asset138, asset69 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset138)+len(asset69))
	out = append(out, asset138...)
	for _, r := range asset69 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset140 is asset number 140 of the chain.
//
//asset: group=g0
func Asset140(ctx context.Context, asset139, asset70 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset139)+len(asset70))
	out = append(out, asset139...)
	for _, r := range asset70 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset141 is asset number 141 of the chain.
//
//asset: group=g1
func Asset141(ctx context.Context, asset140, asset70 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset140)+len(asset70))
	out = append(out, asset140...)
	for _, r := range asset70 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset142 is asset number 142 of the chain.
//
//asset: group=g2
func Asset142(ctx context.Context, asset141, asset71 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset141)+len(asset71))
	out = append(out, asset141...)
	for _, r := range asset71 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset143 is asset number 143 of the chain.
//
//asset: group=g3
func Asset143(ctx context.Context, asset142, asset71 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset142)+len(asset71))
	out = append(out, asset142...)
	for _, r := range asset71 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset144 is asset number 144 of the chain.
//
//asset: group=g4
func Asset144(ctx context.Context, asset143, asset72 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset143)+len(asset72))
	out = append(out, asset143...)
	for _, r := range asset72 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset145 is asset number 145 of the chain.
//
//asset: group=g5
func Asset145(ctx context.Context, asset144, asset72 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset144)+len(asset72))
	out = append(out, asset144...)
	for _, r := range asset72 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset146 is asset number 146 of the chain.
//
//asset: group=g6
func Asset146(ctx context.Context, asset145, asset73 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset145)+len(asset73))
	out = append(out, asset145...)
	for _, r := range asset73 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset147 is asset number 147 of the chain.
//
//asset: group=g7
func Asset147(ctx context.Context, asset146, asset73 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset146)+len(asset73))
	out = append(out, asset146...)
	for _, r := range asset73 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset148 is asset number 148 of the chain.
//
//asset: group=g8
func Asset148(ctx context.Context, asset147, asset74 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset147)+len(asset74))
	out = append(out, asset147...)
	for _, r := range asset74 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset149 is asset number 149 of the chain.
//
//asset: group=g9
func Asset149(ctx context.Context, asset148, asset74 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset148)+len(asset74))
	out = append(out, asset148...)
	for _, r := range asset74 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset150 is asset number 150 of the chain.
//
//asset: group=g0
func Asset150(ctx context.Context, asset149, asset75 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset149)+len(asset75))
	out = append(out, asset149...)
	for _, r := range asset75 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset151 is asset number 151 of the chain.
//
//asset: group=g1
func Asset151(ctx context.Context, asset150, asset75 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset150)+len(asset75))
	out = append(out, asset150...)
	for _, r := range asset75 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset152 is asset number 152 of the chain.
//
//asset: group=g2
func Asset152(ctx context.Context, asset151, asset76 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset151)+len(asset76))
	out = append(out, asset151...)
	for _, r := range asset76 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset153 is asset number 153 of the chain.
//
//asset: group=g3
func Asset153(ctx context.Context, asset152, asset76 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset152)+len(asset76))
	out = append(out, asset152...)
	for _, r := range asset76 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset154 is asset number 154 of the chain.
//
//asset: group=g4
func Asset154(ctx context.Context, asset153, asset77 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset153)+len(asset77))
	out = append(out, asset153...)
	for _, r := range asset77 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset155 is asset number 155 of the chain.
//
//asset: group=g5
func Asset155(ctx context.Context, asset154, asset77 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset154)+len(asset77))
	out = append(out, asset154...)
	for _, r := range asset77 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset156 is asset number 156 of the chain.
//
//asset: group=g6
func Asset156(ctx context.Context, asset155, asset78 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset155)+len(asset78))
	out = append(out, asset155...)
	for _, r := range asset78 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset157 is asset number 157 of the chain.
//
//asset: group=g7
func Asset157(ctx context.Context, asset156, asset78 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset156)+len(asset78))
	out = append(out, asset156...)
	for _, r := range asset78 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset158 is asset number 158 of the chain.
//
//asset: group=g8
func Asset158(ctx context.Context, asset157, asset79 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset157)+len(asset79))
	out = append(out, asset157...)
	for _, r := range asset79 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset159 is asset number 159 of the chain.
//
//asset: group=g9
func Asset159(ctx context.Context, asset158, asset79 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset158)+len(asset79))
	out = append(out, asset158...)
	for _, r := range asset79 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset160 is asset number 160 of the chain.
//
//asset: group=g0
func Asset160(ctx context.Context, asset159, asset80 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset159)+len(asset80))
	out = append(out, asset159...)
	for _, r := range asset80 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset161 is asset number 161 of the chain.
//
//asset: group=g1
func Asset161(ctx context.Context, asset160, asset80 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset160)+len(asset80))
	out = append(out, asset160...)
	for _, r := range asset80 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset162 is asset number 162 of the chain.
//
//asset: group=g2
func Asset162(ctx context.Context, asset161, asset81 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset161)+len(asset81))
	out = append(out, asset161...)
	for _, r := range asset81 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset163 is asset number 163 of the chain.
//
//asset: group=g3
func Asset163(ctx context.Context, asset162, asset81 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset162)+len(asset81))
	out = append(out, asset162...)
	for _, r := range asset81 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset164 is asset number 164 of the chain.
//
//asset: group=g4
func Asset164(ctx context.Context, asset163, asset82 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset163)+len(asset82))
	out = append(out, asset163...)
	for _, r := range asset82 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset165 is asset number 165 of the chain.
//
//asset: group=g5
func Asset165(ctx context.Context, asset164, asset82 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset164)+len(asset82))
	out = append(out, asset164...)
	for _, r := range asset82 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset166 is asset number 166 of the chain.
//
//asset: group=g6
func Asset166(ctx context.Context, asset165, asset83 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset165)+len(asset83))
	out = append(out, asset165...)
	for _, r := range asset83 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset167 is asset number 167 of the chain.
//
//asset: group=g7
func Asset167(ctx context.Context, asset166, asset83 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset166)+len(asset83))
	out = append(out, asset166...)
	for _, r := range asset83 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset168 is asset number 168 of the chain.
//
//asset: group=g8
func Asset168(ctx context.Context, asset167, asset84 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset167)+len(asset84))
	out = append(out, asset167...)
	for _, r := range asset84 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset169 is asset number 169 of the chain.
//
//asset: group=g9
func Asset169(ctx context.Context, asset168, asset84 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset168)+len(asset84))
	out = append(out, asset168...)
	for _, r := range asset84 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset170 is asset number 170 of the chain.
//
//asset: group=g0
func Asset170(ctx context.Context, asset169, asset85 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset169)+len(asset85))
	out = append(out, asset169...)
	for _, r := range asset85 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset171 is asset number 171 of the chain.
//
//asset: group=g1
func Asset171(ctx context.Context, asset170, asset85 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset170)+len(asset85))
	out = append(out, asset170...)
	for _, r := range asset85 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset172 is asset number 172 of the chain.
//
//asset: group=g2
func Asset172(ctx context.Context, asset171, asset86 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset171)+len(asset86))
	out = append(out, asset171...)
	for _, r := range asset86 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset173 is asset number 173 of the chain.
//
//asset: group=g3
func Asset173(ctx context.Context, asset172, asset86 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset172)+len(asset86))
	out = append(out, asset172...)
	for _, r := range asset86 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset174 is asset number 174 of the chain.
//
//asset: group=g4
func Asset174(ctx context.Context, asset173, asset87 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset173)+len(asset87))
	out = append(out, asset173...)
	for _, r := range asset87 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset175 is asset number 175 of the chain.
//
//asset: group=g5
func Asset175(ctx context.Context, asset174, asset87 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset174)+len(asset87))
	out = append(out, asset174...)
	for _, r := range asset87 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset176 is asset number 176 of the chain.
//
//asset: group=g6
func Asset176(ctx context.Context, asset175, asset88 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset175)+len(asset88))
	out = append(out, asset175...)
	for _, r := range asset88 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset177 is asset number 177 of the chain.
//
//asset: group=g7
func Asset177(ctx context.Context, asset176, asset88 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset176)+len(asset88))
	out = append(out, asset176...)
	for _, r := range asset88 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset178 is asset number 178 of the chain.
//
//asset: group=g8
func Asset178(ctx context.Context, asset177, asset89 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset177)+len(asset89))
	out = append(out, asset177...)
	for _, r := range asset89 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset179 is asset number 179 of the chain.
//
//asset: group=g9
func Asset179(ctx context.Context, asset178, asset89 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset178)+len(asset89))
	out = append(out, asset178...)
	for _, r := range asset89 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset180 is asset number 180 of the chain.
//
//asset: group=g0
func Asset180(ctx context.Context, asset179, asset90 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset179)+len(asset90))
	out = append(out, asset179...)
	for _, r := range asset90 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset181 is asset number 181 of the chain.
//
//asset: group=g1
func Asset181(ctx context.Context, asset180, asset90 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset180)+len(asset90))
	out = append(out, asset180...)
	for _, r := range asset90 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset182 is asset number 182 of the chain.
//
//asset: group=g2
func Asset182(ctx context.Context, asset181, asset91 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset181)+len(asset91))
	out = append(out, asset181...)
	for _, r := range asset91 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset183 is asset number 183 of the chain.
//
//asset: group=g3
func Asset183(ctx context.Context, asset182, asset91 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset182)+len(asset91))
	out = append(out, asset182...)
	for _, r := range asset91 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset184 is asset number 184 of the chain.
//
//asset: group=g4
func Asset184(ctx context.Context, asset183, asset92 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset183)+len(asset92))
	out = append(out, asset183...)
	for _, r := range asset92 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset185 is asset number 185 of the chain.
//
//asset: group=g5
func Asset185(ctx context.Context, asset184, asset92 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset184)+len(asset92))
	out = append(out, asset184...)
	for _, r := range asset92 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset186 is asset number 186 of the chain.
//
//asset: group=g6
func Asset186(ctx context.Context, asset185, asset93 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset185)+len(asset93))
	out = append(out, asset185...)
	for _, r := range asset93 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset187 is asset number 187 of the chain.
//
//asset: group=g7
func Asset187(ctx context.Context, asset186, asset93 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset186)+len(asset93))
	out = append(out, asset186...)
	for _, r := range asset93 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset188 is asset number 188 of the chain.
//
//asset: group=g8
func Asset188(ctx context.Context, asset187, asset94 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset187)+len(asset94))
	out = append(out, asset187...)
	for _, r := range asset94 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset189 is asset number 189 of the chain.
//
//asset: group=g9
func Asset189(ctx context.Context, asset188, asset94 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset188)+len(asset94))
	out = append(out, asset188...)
	for _, r := range asset94 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset190 is asset number 190 of the chain.
//
//asset: group=g0
func Asset190(ctx context.Context, asset189, asset95 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset189)+len(asset95))
	out = append(out, asset189...)
	for _, r := range asset95 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset191 is asset number 191 of the chain.
//
//asset: group=g1
func Asset191(ctx context.Context, asset190, asset95 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset190)+len(asset95))
	out = append(out, asset190...)
	for _, r := range asset95 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset192 is asset number 192 of the chain.
//
//asset: group=g2
func Asset192(ctx context.Context, asset191, asset96 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset191)+len(asset96))
	out = append(out, asset191...)
	for _, r := range asset96 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset193 is asset number 193 of the chain.
//
//asset: group=g3
func Asset193(ctx context.Context, asset192, asset96 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset192)+len(asset96))
	out = append(out, asset192...)
	for _, r := range asset96 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset194 is asset number 194 of the chain.
//
//asset: group=g4
func Asset194(ctx context.Context, asset193, asset97 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset193)+len(asset97))
	out = append(out, asset193...)
	for _, r := range asset97 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset195 is asset number 195 of the chain.
//
//asset: group=g5
func Asset195(ctx context.Context, asset194, asset97 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset194)+len(asset97))
	out = append(out, asset194...)
	for _, r := range asset97 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset196 is asset number 196 of the chain.
//
//asset: group=g6
func Asset196(ctx context.Context, asset195, asset98 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset195)+len(asset98))
	out = append(out, asset195...)
	for _, r := range asset98 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset197 is asset number 197 of the chain.
//
//asset: group=g7
func Asset197(ctx context.Context, asset196, asset98 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset196)+len(asset98))
	out = append(out, asset196...)
	for _, r := range asset98 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset198 is asset number 198 of the chain.
//
//asset: group=g8
func Asset198(ctx context.Context, asset197, asset99 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset197)+len(asset99))
	out = append(out, asset197...)
	for _, r := range asset99 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset199 is asset number 199 of the chain.
//
//asset: group=g9
func Asset199(ctx context.Context, asset198, asset99 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset198)+len(asset99))
	out = append(out, asset198...)
	for _, r := range asset99 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset200 is asset number 200 of the chain.
//
//asset: group=g0
func Asset200(ctx context.Context, asset199, asset100 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset199)+len(asset100))
	out = append(out, asset199...)
	for _, r := range asset100 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset201 is asset number 201 of the chain.
//
//asset: group=g1
func Asset201(ctx context.Context, asset200, asset100 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset200)+len(asset100))
	out = append(out, asset200...)
	for _, r := range asset100 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset202 is asset number 202 of the chain.
//
//asset: group=g2
func Asset202(ctx context.Context, asset201, asset101 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset201)+len(asset101))
	out = append(out, asset201...)
	for _, r := range asset101 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset203 is asset number 203 of the chain.
//
//asset: group=g3
func Asset203(ctx context.Context, asset202, asset101 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset202)+len(asset101))
	out = append(out, asset202...)
	for _, r := range asset101 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset204 is asset number 204 of the chain.
//
//asset: group=g4
func Asset204(ctx context.Context, asset203, asset102 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset203)+len(asset102))
	out = append(out, asset203...)
	for _, r := range asset102 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset205 is asset number 205 of the chain.
//
//asset: group=g5
func Asset205(ctx context.Context, asset204, asset102 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset204)+len(asset102))
	out = append(out, asset204...)
	for _, r := range asset102 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset206 is asset number 206 of the chain.
//
//asset: group=g6
func Asset206(ctx context.Context, asset205, asset103 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset205)+len(asset103))
	out = append(out, asset205...)
	for _, r := range asset103 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset207 is asset number 207 of the chain.
//
//asset: group=g7
func Asset207(ctx context.Context, asset206, asset103 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset206)+len(asset103))
	out = append(out, asset206...)
	for _, r := range asset103 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset208 is asset number 208 of the chain.
//
//asset: group=g8
func Asset208(ctx context.Context, asset207, asset104 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset207)+len(asset104))
	out = append(out, asset207...)
	for _, r := range asset104 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset209 is asset number 209 of the chain.
//
//asset: group=g9
func Asset209(ctx context.Context, asset208, asset104 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset208)+len(asset104))
	out = append(out, asset208...)
	for _, r := range asset104 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset210 is asset number 210 of the chain.
//
//asset: group=g0
func Asset210(ctx context.Context, asset209, asset105 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset209)+len(asset105))
	out = append(out, asset209...)
	for _, r := range asset105 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset211 is asset number 211 of the chain.
//
//asset: group=g1
func Asset211(ctx context.Context, asset210, asset105 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset210)+len(asset105))
	out = append(out, asset210...)
	for _, r := range asset105 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset212 is asset number 212 of the chain.
//
//asset: group=g2
func Asset212(ctx context.Context, asset211, asset106 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset211)+len(asset106))
	out = append(out, asset211...)
	for _, r := range asset106 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset213 is asset number 213 of the chain.
//
//asset: group=g3
func Asset213(ctx context.Context, asset212, asset106 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset212)+len(asset106))
	out = append(out, asset212...)
	for _, r := range asset106 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset214 is asset number 214 of the chain.
//
//asset: group=g4
func Asset214(ctx context.Context, asset213, asset107 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset213)+len(asset107))
	out = append(out, asset213...)
	for _, r := range asset107 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset215 is asset number 215 of the chain.
//
//asset: group=g5
func Asset215(ctx context.Context, asset214, asset107 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset214)+len(asset107))
	out = append(out, asset214...)
	for _, r := range asset107 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset216 is asset number 216 of the chain.
//
//asset: group=g6
func Asset216(ctx context.Context, asset215, asset108 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset215)+len(asset108))
	out = append(out, asset215...)
	for _, r := range asset108 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset217 is asset number 217 of the chain.
//
//asset: group=g7
func Asset217(ctx context.Context, asset216, asset108 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset216)+len(asset108))
	out = append(out, asset216...)
	for _, r := range asset108 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset218 is asset number 218 of the chain.
//
//asset: group=g8
func Asset218(ctx context.Context, asset217, asset109 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset217)+len(asset109))
	out = append(out, asset217...)
	for _, r := range asset109 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset219 is asset number 219 of the chain.
//
//asset: group=g9
func Asset219(ctx context.Context, asset218, asset109 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset218)+len(asset109))
	out = append(out, asset218...)
	for _, r := range asset109 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset220 is asset number 220 of the chain.
//
//asset: group=g0
func Asset220(ctx context.Context, asset219, asset110 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset219)+len(asset110))
	out = append(out, asset219...)
	for _, r := range asset110 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset221 is asset number 221 of the chain.
//
//asset: group=g1
func Asset221(ctx context.Context, asset220, asset110 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset220)+len(asset110))
	out = append(out, asset220...)
	for _, r := range asset110 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset222 is asset number 222 of the chain.
//
//asset: group=g2
func Asset222(ctx context.Context, asset221, asset111 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset221)+len(asset111))
	out = append(out, asset221...)
	for _, r := range asset111 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset223 is asset number 223 of the chain.
//
//asset: group=g3
func Asset223(ctx context.Context, asset222, asset111 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset222)+len(asset111))
	out = append(out, asset222...)
	for _, r := range asset111 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset224 is asset number 224 of the chain.
//
//asset: group=g4
func Asset224(ctx context.Context, asset223, asset112 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset223)+len(asset112))
	out = append(out, asset223...)
	for _, r := range asset112 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset225 is asset number 225 of the chain.
//
//asset: group=g5
func Asset225(ctx context.Context, asset224, asset112 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset224)+len(asset112))
	out = append(out, asset224...)
	for _, r := range asset112 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset226 is asset number 226 of the chain.
//
//asset: group=g6
func Asset226(ctx context.Context, asset225, asset113 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset225)+len(asset113))
	out = append(out, asset225...)
	for _, r := range asset113 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset227 is asset number 227 of the chain.
//
//asset: group=g7
func Asset227(ctx context.Context, asset226, asset113 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset226)+len(asset113))
	out = append(out, asset226...)
	for _, r := range asset113 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset228 is asset number 228 of the chain.
//
//asset: group=g8
func Asset228(ctx context.Context, asset227, asset114 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset227)+len(asset114))
	out = append(out, asset227...)
	for _, r := range asset114 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset229 is asset number 229 of the chain.
//
//asset: group=g9
func Asset229(ctx context.Context, asset228, asset114 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset228)+len(asset114))
	out = append(out, asset228...)
	for _, r := range asset114 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset230 is asset number 230 of the chain.
//
//asset: group=g0
func Asset230(ctx context.Context, asset229, asset115 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset229)+len(asset115))
	out = append(out, asset229...)
	for _, r := range asset115 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset231 is asset number 231 of the chain.
//
//asset: group=g1
func Asset231(ctx context.Context, asset230, asset115 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset230)+len(asset115))
	out = append(out, asset230...)
	for _, r := range asset115 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset232 is asset number 232 of the chain.
//
//asset: group=g2
func Asset232(ctx context.Context, asset231, asset116 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset231)+len(asset116))
	out = append(out, asset231...)
	for _, r := range asset116 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset233 is asset number 233 of the chain.
//
//asset: group=g3
func Asset233(ctx context.Context, asset232, asset116 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset232)+len(asset116))
	out = append(out, asset232...)
	for _, r := range asset116 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset234 is asset number 234 of the chain.
//
//asset: group=g4
func Asset234(ctx context.Context, asset233, asset117 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset233)+len(asset117))
	out = append(out, asset233...)
	for _, r := range asset117 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset235 is asset number 235 of the chain.
//
//asset: group=g5
func Asset235(ctx context.Context, asset234, asset117 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset234)+len(asset117))
	out = append(out, asset234...)
	for _, r := range asset117 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset236 is asset number 236 of the chain.
//
//asset: group=g6
func Asset236(ctx context.Context, asset235, asset118 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset235)+len(asset118))
	out = append(out, asset235...)
	for _, r := range asset118 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset237 is asset number 237 of the chain.
//
//asset: group=g7
func Asset237(ctx context.Context, asset236, asset118 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset236)+len(asset118))
	out = append(out, asset236...)
	for _, r := range asset118 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset238 is asset number 238 of the chain.
//
//asset: group=g8
func Asset238(ctx context.Context, asset237, asset119 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset237)+len(asset119))
	out = append(out, asset237...)
	for _, r := range asset119 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset239 is asset number 239 of the chain.
//
//asset: group=g9
func Asset239(ctx context.Context, asset238, asset119 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset238)+len(asset119))
	out = append(out, asset238...)
	for _, r := range asset119 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset240 is asset number 240 of the chain.
//
//asset: group=g0
func Asset240(ctx context.Context, asset239, asset120 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset239)+len(asset120))
	out = append(out, asset239...)
	for _, r := range asset120 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset241 is asset number 241 of the chain.
//
//asset: group=g1
func Asset241(ctx context.Context, asset240, asset120 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset240)+len(asset120))
	out = append(out, asset240...)
	for _, r := range asset120 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset242 is asset number 242 of the chain.
//
//asset: group=g2
func Asset242(ctx context.Context, asset241, asset121 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset241)+len(asset121))
	out = append(out, asset241...)
	for _, r := range asset121 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset243 is asset number 243 of the chain.
//
//asset: group=g3
func Asset243(ctx context.Context, asset242, asset121 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset242)+len(asset121))
	out = append(out, asset242...)
	for _, r := range asset121 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset244 is asset number 244 of the chain.
//
//asset: group=g4
func Asset244(ctx context.Context, asset243, asset122 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset243)+len(asset122))
	out = append(out, asset243...)
	for _, r := range asset122 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset245 is asset number 245 of the chain.
//
//asset: group=g5
func Asset245(ctx context.Context, asset244, asset122 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset244)+len(asset122))
	out = append(out, asset244...)
	for _, r := range asset122 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset246 is asset number 246 of the chain.
//
//asset: group=g6
func Asset246(ctx context.Context, asset245, asset123 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset245)+len(asset123))
	out = append(out, asset245...)
	for _, r := range asset123 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset247 is asset number 247 of the chain.
//
//asset: group=g7
func Asset247(ctx context.Context, asset246, asset123 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset246)+len(asset123))
	out = append(out, asset246...)
	for _, r := range asset123 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset248 is asset number 248 of the chain.
//
//asset: group=g8
func Asset248(ctx context.Context, asset247, asset124 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset247)+len(asset124))
	out = append(out, asset247...)
	for _, r := range asset124 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset249 is asset number 249 of the chain.
//
//asset: group=g9
func Asset249(ctx context.Context, asset248, asset124 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset248)+len(asset124))
	out = append(out, asset248...)
	for _, r := range asset124 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset250 is asset number 250 of the chain.
//
//asset: group=g0
func Asset250(ctx context.Context, asset249, asset125 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset249)+len(asset125))
	out = append(out, asset249...)
	for _, r := range asset125 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset251 is asset number 251 of the chain.
//
//asset: group=g1
func Asset251(ctx context.Context, asset250, asset125 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset250)+len(asset125))
	out = append(out, asset250...)
	for _, r := range asset125 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset252 is asset number 252 of the chain.
//
//asset: group=g2
func Asset252(ctx context.Context, asset251, asset126 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset251)+len(asset126))
	out = append(out, asset251...)
	for _, r := range asset126 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset253 is asset number 253 of the chain.
//
//asset: group=g3
func Asset253(ctx context.Context, asset252, asset126 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset252)+len(asset126))
	out = append(out, asset252...)
	for _, r := range asset126 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset254 is asset number 254 of the chain.
//
//asset: group=g4
func Asset254(ctx context.Context, asset253, asset127 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset253)+len(asset127))
	out = append(out, asset253...)
	for _, r := range asset127 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset255 is asset number 255 of the chain.
//
//asset: group=g5
func Asset255(ctx context.Context, asset254, asset127 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset254)+len(asset127))
	out = append(out, asset254...)
	for _, r := range asset127 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset256 is asset number 256 of the chain.
//
//asset: group=g6
func Asset256(ctx context.Context, asset255, asset128 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset255)+len(asset128))
	out = append(out, asset255...)
	for _, r := range asset128 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset257 is asset number 257 of the chain.
//
//asset: group=g7
func Asset257(ctx context.Context, asset256, asset128 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset256)+len(asset128))
	out = append(out, asset256...)
	for _, r := range asset128 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset258 is asset number 258 of the chain.
//
//asset: group=g8
func Asset258(ctx context.Context, asset257, asset129 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset257)+len(asset129))
	out = append(out, asset257...)
	for _, r := range asset129 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset259 is asset number 259 of the chain.
//
//asset: group=g9
func Asset259(ctx context.Context, asset258, asset129 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset258)+len(asset129))
	out = append(out, asset258...)
	for _, r := range asset129 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset260 is asset number 260 of the chain.
//
//asset: group=g0
func Asset260(ctx context.Context, asset259, asset130 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset259)+len(asset130))
	out = append(out, asset259...)
	for _, r := range asset130 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset261 is asset number 261 of the chain.
//
//asset: group=g1
func Asset261(ctx context.Context, asset260, asset130 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset260)+len(asset130))
	out = append(out, asset260...)
	for _, r := range asset130 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset262 is asset number 262 of the chain.
//
//asset: group=g2
func Asset262(ctx context.Context, asset261, asset131 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset261)+len(asset131))
	out = append(out, asset261...)
	for _, r := range asset131 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset263 is asset number 263 of the chain.
//
//asset: group=g3
func Asset263(ctx context.Context, asset262, asset131 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset262)+len(asset131))
	out = append(out, asset262...)
	for _, r := range asset131 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset264 is asset number 264 of the chain.
//
//asset: group=g4
func Asset264(ctx context.Context, asset263, asset132 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset263)+len(asset132))
	out = append(out, asset263...)
	for _, r := range asset132 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset265 is asset number 265 of the chain.
//
//asset: group=g5
func Asset265(ctx context.Context, asset264, asset132 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset264)+len(asset132))
	out = append(out, asset264...)
	for _, r := range asset132 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset266 is asset number 266 of the chain.
//
//asset: group=g6
func Asset266(ctx context.Context, asset265, asset133 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset265)+len(asset133))
	out = append(out, asset265...)
	for _, r := range asset133 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset267 is asset number 267 of the chain.
//
//asset: group=g7
func Asset267(ctx context.Context, asset266, asset133 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset266)+len(asset133))
	out = append(out, asset266...)
	for _, r := range asset133 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset268 is asset number 268 of the chain.
//
//asset: group=g8
func Asset268(ctx context.Context, asset267, asset134 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset267)+len(asset134))
	out = append(out, asset267...)
	for _, r := range asset134 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset269 is asset number 269 of the chain.
//
//asset: group=g9
func Asset269(ctx context.Context, asset268, asset134 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset268)+len(asset134))
	out = append(out, asset268...)
	for _, r := range asset134 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset270 is asset number 270 of the chain.
//
//asset: group=g0
func Asset270(ctx context.Context, asset269, asset135 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset269)+len(asset135))
	out = append(out, asset269...)
	for _, r := range asset135 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset271 is asset number 271 of the chain.
//
//asset: group=g1
func Asset271(ctx context.Context, asset270, asset135 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset270)+len(asset135))
	out = append(out, asset270...)
	for _, r := range asset135 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset272 is asset number 272 of the chain.
//
//asset: group=g2
func Asset272(ctx context.Context, asset271, asset136 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset271)+len(asset136))
	out = append(out, asset271...)
	for _, r := range asset136 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset273 is asset number 273 of the chain.
//
//asset: group=g3
func Asset273(ctx context.Context, asset272, asset136 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset272)+len(asset136))
	out = append(out, asset272...)
	for _, r := range asset136 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset274 is asset number 274 of the chain.
//
//asset: group=g4
func Asset274(ctx context.Context, asset273, asset137 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset273)+len(asset137))
	out = append(out, asset273...)
	for _, r := range asset137 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset275 is asset number 275 of the chain.
//
//asset: group=g5
func Asset275(ctx context.Context, asset274, asset137 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset274)+len(asset137))
	out = append(out, asset274...)
	for _, r := range asset137 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset276 is asset number 276 of the chain.
//
//asset: group=g6
func Asset276(ctx context.Context, asset275, asset138 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset275)+len(asset138))
	out = append(out, asset275...)
	for _, r := range asset138 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset277 is asset number 277 of the chain.
//
//asset: group=g7
func Asset277(ctx context.Context, asset276, asset138 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset276)+len(asset138))
	out = append(out, asset276...)
	for _, r := range asset138 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset278 is asset number 278 of the chain.
//
//asset: group=g8
func Asset278(ctx context.Context, asset277, asset139 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset277)+len(asset139))
	out = append(out, asset277...)
	for _, r := range asset139 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset279 is asset number 279 of the chain.
//
//asset: group=g9
func Asset279(ctx context.Context, asset278, asset139 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset278)+len(asset139))
	out = append(out, asset278...)
	for _, r := range asset139 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset280 is asset number 280 of the chain.
//
//asset: group=g0
func Asset280(ctx context.Context, asset279, asset140 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset279)+len(asset140))
	out = append(out, asset279...)
	for _, r := range asset140 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset281 is asset number 281 of the chain.
//
//asset: group=g1
func Asset281(ctx context.Context, asset280, asset140 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset280)+len(asset140))
	out = append(out, asset280...)
	for _, r := range asset140 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset282 is asset number 282 of the chain.
//
//asset: group=g2
func Asset282(ctx context.Context, asset281, asset141 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset281)+len(asset141))
	out = append(out, asset281...)
	for _, r := range asset141 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset283 is asset number 283 of the chain.
//
//asset: group=g3
func Asset283(ctx context.Context, asset282, asset141 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset282)+len(asset141))
	out = append(out, asset282...)
	for _, r := range asset141 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset284 is asset number 284 of the chain.
//
//asset: group=g4
func Asset284(ctx context.Context, asset283, asset142 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset283)+len(asset142))
	out = append(out, asset283...)
	for _, r := range asset142 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset285 is asset number 285 of the chain.
//
//asset: group=g5
func Asset285(ctx context.Context, asset284, asset142 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset284)+len(asset142))
	out = append(out, asset284...)
	for _, r := range asset142 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset286 is asset number 286 of the chain.
//
//asset: group=g6
func Asset286(ctx context.Context, asset285, asset143 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset285)+len(asset143))
	out = append(out, asset285...)
	for _, r := range asset143 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset287 is asset number 287 of the chain.
//
//asset: group=g7
func Asset287(ctx context.Context, asset286, asset143 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset286)+len(asset143))
	out = append(out, asset286...)
	for _, r := range asset143 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset288 is asset number 288 of the chain.
//
//asset: group=g8
func Asset288(ctx context.Context, asset287, asset144 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset287)+len(asset144))
	out = append(out, asset287...)
	for _, r := range asset144 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset289 is asset number 289 of the chain.
//
//asset: group=g9
func Asset289(ctx context.Context, asset288, asset144 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset288)+len(asset144))
	out = append(out, asset288...)
	for _, r := range asset144 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset290 is asset number 290 of the chain.
//
//asset: group=g0
func Asset290(ctx context.Context, asset289, asset145 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset289)+len(asset145))
	out = append(out, asset289...)
	for _, r := range asset145 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset291 is asset number 291 of the chain.
//
//asset: group=g1
func Asset291(ctx context.Context, asset290, asset145 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset290)+len(asset145))
	out = append(out, asset290...)
	for _, r := range asset145 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset292 is asset number 292 of the chain.
//
//asset: group=g2
func Asset292(ctx context.Context, asset291, asset146 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset291)+len(asset146))
	out = append(out, asset291...)
	for _, r := range asset146 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset293 is asset number 293 of the chain.
//
//asset: group=g3
func Asset293(ctx context.Context, asset292, asset146 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset292)+len(asset146))
	out = append(out, asset292...)
	for _, r := range asset146 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset294 is asset number 294 of the chain.
//
//asset: group=g4
func Asset294(ctx context.Context, asset293, asset147 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset293)+len(asset147))
	out = append(out, asset293...)
	for _, r := range asset147 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset295 is asset number 295 of the chain.
//
//asset: group=g5
func Asset295(ctx context.Context, asset294, asset147 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset294)+len(asset147))
	out = append(out, asset294...)
	for _, r := range asset147 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset296 is asset number 296 of the chain.
//
//asset: group=g6
func Asset296(ctx context.Context, asset295, asset148 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset295)+len(asset148))
	out = append(out, asset295...)
	for _, r := range asset148 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset297 is asset number 297 of the chain.
//
//asset: group=g7
func Asset297(ctx context.Context, asset296, asset148 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset296)+len(asset148))
	out = append(out, asset296...)
	for _, r := range asset148 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset298 is asset number 298 of the chain.
//
//asset: group=g8
func Asset298(ctx context.Context, asset297, asset149 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset297)+len(asset149))
	out = append(out, asset297...)
	for _, r := range asset149 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset299 is asset number 299 of the chain.
//
//asset: group=g9
func Asset299(ctx context.Context, asset298, asset149 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset298)+len(asset149))
	out = append(out, asset298...)
	for _, r := range asset149 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset300 is asset number 300 of the chain.
//
//asset: group=g0
func Asset300(ctx context.Context, asset299, asset150 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset299)+len(asset150))
	out = append(out, asset299...)
	for _, r := range asset150 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset301 is asset number 301 of the chain.
//
//asset: group=g1
func Asset301(ctx context.Context, asset300, asset150 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset300)+len(asset150))
	out = append(out, asset300...)
	for _, r := range asset150 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset302 is asset number 302 of the chain.
//
//asset: group=g2
func Asset302(ctx context.Context, asset301, asset151 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset301)+len(asset151))
	out = append(out, asset301...)
	for _, r := range asset151 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset303 is asset number 303 of the chain.
//
//asset: group=g3
func Asset303(ctx context.Context, asset302, asset151 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset302)+len(asset151))
	out = append(out, asset302...)
	for _, r := range asset151 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset304 is asset number 304 of the chain.
//
//asset: group=g4
func Asset304(ctx context.Context, asset303, asset152 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset303)+len(asset152))
	out = append(out, asset303...)
	for _, r := range asset152 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset305 is asset number 305 of the chain.
//
//asset: group=g5
func Asset305(ctx context.Context, asset304, asset152 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset304)+len(asset152))
	out = append(out, asset304...)
	for _, r := range asset152 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset306 is asset number 306 of the chain.
//
//asset: group=g6
func Asset306(ctx context.Context, asset305, asset153 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset305)+len(asset153))
	out = append(out, asset305...)
	for _, r := range asset153 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset307 is asset number 307 of the chain.
//
//asset: group=g7
func Asset307(ctx context.Context, asset306, asset153 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset306)+len(asset153))
	out = append(out, asset306...)
	for _, r := range asset153 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset308 is asset number 308 of the chain.
//
//asset: group=g8
func Asset308(ctx context.Context, asset307, asset154 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset307)+len(asset154))
	out = append(out, asset307...)
	for _, r := range asset154 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset309 is asset number 309 of the chain.
//
//asset: group=g9
func Asset309(ctx context.Context, asset308, asset154 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset308)+len(asset154))
	out = append(out, asset308...)
	for _, r := range asset154 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset310 is asset number 310 of the chain.
//
//asset: group=g0
func Asset310(ctx context.Context, asset309, asset155 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset309)+len(asset155))
	out = append(out, asset309...)
	for _, r := range asset155 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset311 is asset number 311 of the chain.
//
//asset: group=g1
func Asset311(ctx context.Context, asset310, asset155 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset310)+len(asset155))
	out = append(out, asset310...)
	for _, r := range asset155 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset312 is asset number 312 of the chain.
//
//asset: group=g2
func Asset312(ctx context.Context, asset311, asset156 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset311)+len(asset156))
	out = append(out, asset311...)
	for _, r := range asset156 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset313 is asset number 313 of the chain.
//
//asset: group=g3
func Asset313(ctx context.Context, asset312, asset156 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset312)+len(asset156))
	out = append(out, asset312...)
	for _, r := range asset156 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset314 is asset number 314 of the chain.
//
//asset: group=g4
func Asset314(ctx context.Context, asset313, asset157 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset313)+len(asset157))
	out = append(out, asset313...)
	for _, r := range asset157 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset315 is asset number 315 of the chain.
//
//asset: group=g5
func Asset315(ctx context.Context, asset314, asset157 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset314)+len(asset157))
	out = append(out, asset314...)
	for _, r := range asset157 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset316 is asset number 316 of the chain.
//
//asset: group=g6
func Asset316(ctx context.Context, asset315, asset158 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset315)+len(asset158))
	out = append(out, asset315...)
	for _, r := range asset158 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset317 is asset number 317 of the chain.
//
//asset: group=g7
func Asset317(ctx context.Context, asset316, asset158 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset316)+len(asset158))
	out = append(out, asset316...)
	for _, r := range asset158 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset318 is asset number 318 of the chain.
//
//asset: group=g8
func Asset318(ctx context.Context, asset317, asset159 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset317)+len(asset159))
	out = append(out, asset317...)
	for _, r := range asset159 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset319 is asset number 319 of the chain.
//
//asset: group=g9
func Asset319(ctx context.Context, asset318, asset159 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset318)+len(asset159))
	out = append(out, asset318...)
	for _, r := range asset159 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset320 is asset number 320 of the chain.
//
//asset: group=g0
func Asset320(ctx context.Context, asset319, asset160 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset319)+len(asset160))
	out = append(out, asset319...)
	for _, r := range asset160 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset321 is asset number 321 of the chain.
//
//asset: group=g1
func Asset321(ctx context.Context, asset320, asset160 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset320)+len(asset160))
	out = append(out, asset320...)
	for _, r := range asset160 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset322 is asset number 322 of the chain.
//
//asset: group=g2
func Asset322(ctx context.Context, asset321, asset161 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset321)+len(asset161))
	out = append(out, asset321...)
	for _, r := range asset161 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset323 is asset number 323 of the chain.
//
//asset: group=g3
func Asset323(ctx context.Context, asset322, asset161 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset322)+len(asset161))
	out = append(out, asset322...)
	for _, r := range asset161 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset324 is asset number 324 of the chain.
//
//asset: group=g4
func Asset324(ctx context.Context, asset323, asset162 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset323)+len(asset162))
	out = append(out, asset323...)
	for _, r := range asset162 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset325 is asset number 325 of the chain.
//
//asset: group=g5
func Asset325(ctx context.Context, asset324, asset162 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset324)+len(asset162))
	out = append(out, asset324...)
	for _, r := range asset162 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset326 is asset number 326 of the chain.
//
//asset: group=g6
func Asset326(ctx context.Context, asset325, asset163 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset325)+len(asset163))
	out = append(out, asset325...)
	for _, r := range asset163 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset327 is asset number 327 of the chain.
//
//asset: group=g7
func Asset327(ctx context.Context, asset326, asset163 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset326)+len(asset163))
	out = append(out, asset326...)
	for _, r := range asset163 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset328 is asset number 328 of the chain.
//
//asset: group=g8
func Asset328(ctx context.Context, asset327, asset164 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset327)+len(asset164))
	out = append(out, asset327...)
	for _, r := range asset164 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset329 is asset number 329 of the chain.
//
//asset: group=g9
func Asset329(ctx context.Context, asset328, asset164 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset328)+len(asset164))
	out = append(out, asset328...)
	for _, r := range asset164 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset330 is asset number 330 of the chain.
//
//asset: group=g0
func Asset330(ctx context.Context, asset329, asset165 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset329)+len(asset165))
	out = append(out, asset329...)
	for _, r := range asset165 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset331 is asset number 331 of the chain.
//
//asset: group=g1
func Asset331(ctx context.Context, asset330, asset165 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset330)+len(asset165))
	out = append(out, asset330...)
	for _, r := range asset165 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset332 is asset number 332 of the chain.
//
//asset: group=g2
func Asset332(ctx context.Context, asset331, asset166 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset331)+len(asset166))
	out = append(out, asset331...)
	for _, r := range asset166 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset333 is asset number 333 of the chain.
//
//asset: group=g3
func Asset333(ctx context.Context, asset332, asset166 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset332)+len(asset166))
	out = append(out, asset332...)
	for _, r := range asset166 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset334 is asset number 334 of the chain.
//
//asset: group=g4
func Asset334(ctx context.Context, asset333, asset167 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset333)+len(asset167))
	out = append(out, asset333...)
	for _, r := range asset167 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset335 is asset number 335 of the chain.
//
//asset: group=g5
func Asset335(ctx context.Context, asset334, asset167 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset334)+len(asset167))
	out = append(out, asset334...)
	for _, r := range asset167 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset336 is asset number 336 of the chain.
//
//asset: group=g6
func Asset336(ctx context.Context, asset335, asset168 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset335)+len(asset168))
	out = append(out, asset335...)
	for _, r := range asset168 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset337 is asset number 337 of the chain.
//
//asset: group=g7
func Asset337(ctx context.Context, asset336, asset168 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset336)+len(asset168))
	out = append(out, asset336...)
	for _, r := range asset168 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset338 is asset number 338 of the chain.
//
//asset: group=g8
func Asset338(ctx context.Context, asset337, asset169 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset337)+len(asset169))
	out = append(out, asset337...)
	for _, r := range asset169 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset339 is asset number 339 of the chain.
//
//asset: group=g9
func Asset339(ctx context.Context, asset338, asset169 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset338)+len(asset169))
	out = append(out, asset338...)
	for _, r := range asset169 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset340 is asset number 340 of the chain.
//
//asset: group=g0
func Asset340(ctx context.Context, asset339, asset170 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset339)+len(asset170))
	out = append(out, asset339...)
	for _, r := range asset170 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset341 is asset number 341 of the chain.
//
//asset: group=g1
func Asset341(ctx context.Context, asset340, asset170 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset340)+len(asset170))
	out = append(out, asset340...)
	for _, r := range asset170 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset342 is asset number 342 of the chain.
//
//asset: group=g2
func Asset342(ctx context.Context, asset341, asset171 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset341)+len(asset171))
	out = append(out, asset341...)
	for _, r := range asset171 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset343 is asset number 343 of the chain.
//
//asset: group=g3
func Asset343(ctx context.Context, asset342, asset171 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset342)+len(asset171))
	out = append(out, asset342...)
	for _, r := range asset171 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset344 is asset number 344 of the chain.
//
//asset: group=g4
func Asset344(ctx context.Context, asset343, asset172 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset343)+len(asset172))
	out = append(out, asset343...)
	for _, r := range asset172 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset345 is asset number 345 of the chain.
//
//asset: group=g5
func Asset345(ctx context.Context, asset344, asset172 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset344)+len(asset172))
	out = append(out, asset344...)
	for _, r := range asset172 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset346 is asset number 346 of the chain.
//
//asset: group=g6
func Asset346(ctx context.Context, asset345, asset173 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset345)+len(asset173))
	out = append(out, asset345...)
	for _, r := range asset173 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset347 is asset number 347 of the chain.
//
//asset: group=g7
func Asset347(ctx context.Context, asset346, asset173 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset346)+len(asset173))
	out = append(out, asset346...)
	for _, r := range asset173 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset348 is asset number 348 of the chain.
//
//asset: group=g8
func Asset348(ctx context.Context, asset347, asset174 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset347)+len(asset174))
	out = append(out, asset347...)
	for _, r := range asset174 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset349 is asset number 349 of the chain.
//
//asset: group=g9
func Asset349(ctx context.Context, asset348, asset174 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset348)+len(asset174))
	out = append(out, asset348...)
	for _, r := range asset174 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset350 is asset number 350 of the chain.
//
//asset: group=g0
func Asset350(ctx context.Context, asset349, asset175 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset349)+len(asset175))
	out = append(out, asset349...)
	for _, r := range asset175 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset351 is asset number 351 of the chain.
//
//asset: group=g1
func Asset351(ctx context.Context, asset350, asset175 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset350)+len(asset175))
	out = append(out, asset350...)
	for _, r := range asset175 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset352 is asset number 352 of the chain.
//
//asset: group=g2
func Asset352(ctx context.Context, asset351, asset176 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset351)+len(asset176))
	out = append(out, asset351...)
	for _, r := range asset176 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset353 is asset number 353 of the chain.
//
//asset: group=g3
func Asset353(ctx context.Context, asset352, asset176 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset352)+len(asset176))
	out = append(out, asset352...)
	for _, r := range asset176 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset354 is asset number 354 of the chain.
//
//asset: group=g4
func Asset354(ctx context.Context, asset353, asset177 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset353)+len(asset177))
	out = append(out, asset353...)
	for _, r := range asset177 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset355 is asset number 355 of the chain.
//
//asset: group=g5
func Asset355(ctx context.Context, asset354, asset177 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset354)+len(asset177))
	out = append(out, asset354...)
	for _, r := range asset177 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset356 is asset number 356 of the chain.
//
//asset: group=g6
func Asset356(ctx context.Context, asset355, asset178 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset355)+len(asset178))
	out = append(out, asset355...)
	for _, r := range asset178 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset357 is asset number 357 of the chain.
//
//asset: group=g7
func Asset357(ctx context.Context, asset356, asset178 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset356)+len(asset178))
	out = append(out, asset356...)
	for _, r := range asset178 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset358 is asset number 358 of the chain.
//
//asset: group=g8
func Asset358(ctx context.Context, asset357, asset179 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset357)+len(asset179))
	out = append(out, asset357...)
	for _, r := range asset179 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset359 is asset number 359 of the chain.
//
//asset: group=g9
func Asset359(ctx context.Context, asset358, asset179 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset358)+len(asset179))
	out = append(out, asset358...)
	for _, r := range asset179 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset360 is asset number 360 of the chain.
//
//asset: group=g0
func Asset360(ctx context.Context, asset359, asset180 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset359)+len(asset180))
	out = append(out, asset359...)
	for _, r := range asset180 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset361 is asset number 361 of the chain.
//
//asset: group=g1
func Asset361(ctx context.Context, asset360, asset180 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset360)+len(asset180))
	out = append(out, asset360...)
	for _, r := range asset180 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset362 is asset number 362 of the chain.
//
//asset: group=g2
func Asset362(ctx context.Context, asset361, asset181 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset361)+len(asset181))
	out = append(out, asset361...)
	for _, r := range asset181 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset363 is asset number 363 of the chain.
//
//asset: group=g3
func Asset363(ctx context.Context, asset362, asset181 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset362)+len(asset181))
	out = append(out, asset362...)
	for _, r := range asset181 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset364 is asset number 364 of the chain.
//
//asset: group=g4
func Asset364(ctx context.Context, asset363, asset182 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset363)+len(asset182))
	out = append(out, asset363...)
	for _, r := range asset182 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset365 is asset number 365 of the chain.
//
//asset: group=g5
func Asset365(ctx context.Context, asset364, asset182 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset364)+len(asset182))
	out = append(out, asset364...)
	for _, r := range asset182 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset366 is asset number 366 of the chain.
//
//asset: group=g6
func Asset366(ctx context.Context, asset365, asset183 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset365)+len(asset183))
	out = append(out, asset365...)
	for _, r := range asset183 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset367 is asset number 367 of the chain.
//
//asset: group=g7
func Asset367(ctx context.Context, asset366, asset183 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset366)+len(asset183))
	out = append(out, asset366...)
	for _, r := range asset183 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset368 is asset number 368 of the chain.
//
//asset: group=g8
func Asset368(ctx context.Context, asset367, asset184 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset367)+len(asset184))
	out = append(out, asset367...)
	for _, r := range asset184 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset369 is asset number 369 of the chain.
//
//asset: group=g9
func Asset369(ctx context.Context, asset368, asset184 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset368)+len(asset184))
	out = append(out, asset368...)
	for _, r := range asset184 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset370 is asset number 370 of the chain.
//
//asset: group=g0
func Asset370(ctx context.Context, asset369, asset185 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset369)+len(asset185))
	out = append(out, asset369...)
	for _, r := range asset185 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset371 is asset number 371 of the chain.
//
//asset: group=g1
func Asset371(ctx context.Context, asset370, asset185 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset370)+len(asset185))
	out = append(out, asset370...)
	for _, r := range asset185 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset372 is asset number 372 of the chain.
//
//asset: group=g2
func Asset372(ctx context.Context, asset371, asset186 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset371)+len(asset186))
	out = append(out, asset371...)
	for _, r := range asset186 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset373 is asset number 373 of the chain.
//
//asset: group=g3
func Asset373(ctx context.Context, asset372, asset186 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset372)+len(asset186))
	out = append(out, asset372...)
	for _, r := range asset186 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset374 is asset number 374 of the chain.
//
//asset: group=g4
func Asset374(ctx context.Context, asset373, asset187 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset373)+len(asset187))
	out = append(out, asset373...)
	for _, r := range asset187 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset375 is asset number 375 of the chain.
//
//asset: group=g5
func Asset375(ctx context.Context, asset374, asset187 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset374)+len(asset187))
	out = append(out, asset374...)
	for _, r := range asset187 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset376 is asset number 376 of the chain.
//
//asset: group=g6
func Asset376(ctx context.Context, asset375, asset188 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset375)+len(asset188))
	out = append(out, asset375...)
	for _, r := range asset188 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset377 is asset number 377 of the chain.
//
//asset: group=g7
func Asset377(ctx context.Context, asset376, asset188 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset376)+len(asset188))
	out = append(out, asset376...)
	for _, r := range asset188 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset378 is asset number 378 of the chain.
//
//asset: group=g8
func Asset378(ctx context.Context, asset377, asset189 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset377)+len(asset189))
	out = append(out, asset377...)
	for _, r := range asset189 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset379 is asset number 379 of the chain.
//
//asset: group=g9
func Asset379(ctx context.Context, asset378, asset189 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset378)+len(asset189))
	out = append(out, asset378...)
	for _, r := range asset189 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset380 is asset number 380 of the chain.
//
//asset: group=g0
func Asset380(ctx context.Context, asset379, asset190 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset379)+len(asset190))
	out = append(out, asset379...)
	for _, r := range asset190 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset381 is asset number 381 of the chain.
//
//asset: group=g1
func Asset381(ctx context.Context, asset380, asset190 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset380)+len(asset190))
	out = append(out, asset380...)
	for _, r := range asset190 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset382 is asset number 382 of the chain.
//
//asset: group=g2
func Asset382(ctx context.Context, asset381, asset191 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset381)+len(asset191))
	out = append(out, asset381...)
	for _, r := range asset191 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset383 is asset number 383 of the chain.
//
//asset: group=g3
func Asset383(ctx context.Context, asset382, asset191 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset382)+len(asset191))
	out = append(out, asset382...)
	for _, r := range asset191 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset384 is asset number 384 of the chain.
//
//asset: group=g4
func Asset384(ctx context.Context, asset383, asset192 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset383)+len(asset192))
	out = append(out, asset383...)
	for _, r := range asset192 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset385 is asset number 385 of the chain.
//
//asset: group=g5
func Asset385(ctx context.Context, asset384, asset192 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset384)+len(asset192))
	out = append(out, asset384...)
	for _, r := range asset192 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset386 is asset number 386 of the chain.
//
//asset: group=g6
func Asset386(ctx context.Context, asset385, asset193 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset385)+len(asset193))
	out = append(out, asset385...)
	for _, r := range asset193 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset387 is asset number 387 of the chain.
//
//asset: group=g7
func Asset387(ctx context.Context, asset386, asset193 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset386)+len(asset193))
	out = append(out, asset386...)
	for _, r := range asset193 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset388 is asset number 388 of the chain.
//
//asset: group=g8
func Asset388(ctx context.Context, asset387, asset194 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset387)+len(asset194))
	out = append(out, asset387...)
	for _, r := range asset194 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset389 is asset number 389 of the chain.
//
//asset: group=g9
func Asset389(ctx context.Context, asset388, asset194 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset388)+len(asset194))
	out = append(out, asset388...)
	for _, r := range asset194 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset390 is asset number 390 of the chain.
//
//asset: group=g0
func Asset390(ctx context.Context, asset389, asset195 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset389)+len(asset195))
	out = append(out, asset389...)
	for _, r := range asset195 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset391 is asset number 391 of the chain.
//
//asset: group=g1
func Asset391(ctx context.Context, asset390, asset195 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset390)+len(asset195))
	out = append(out, asset390...)
	for _, r := range asset195 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset392 is asset number 392 of the chain.
//
//asset: group=g2
func Asset392(ctx context.Context, asset391, asset196 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset391)+len(asset196))
	out = append(out, asset391...)
	for _, r := range asset196 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset393 is asset number 393 of the chain.
//
//asset: group=g3
func Asset393(ctx context.Context, asset392, asset196 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset392)+len(asset196))
	out = append(out, asset392...)
	for _, r := range asset196 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset394 is asset number 394 of the chain.
//
//asset: group=g4
func Asset394(ctx context.Context, asset393, asset197 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset393)+len(asset197))
	out = append(out, asset393...)
	for _, r := range asset197 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset395 is asset number 395 of the chain.
//
//asset: group=g5
func Asset395(ctx context.Context, asset394, asset197 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset394)+len(asset197))
	out = append(out, asset394...)
	for _, r := range asset197 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset396 is asset number 396 of the chain.
//
//asset: group=g6
func Asset396(ctx context.Context, asset395, asset198 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset395)+len(asset198))
	out = append(out, asset395...)
	for _, r := range asset198 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset397 is asset number 397 of the chain.
//
//asset: group=g7
func Asset397(ctx context.Context, asset396, asset198 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset396)+len(asset198))
	out = append(out, asset396...)
	for _, r := range asset198 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset398 is asset number 398 of the chain.
//
//asset: group=g8
func Asset398(ctx context.Context, asset397, asset199 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset397)+len(asset199))
	out = append(out, asset397...)
	for _, r := range asset199 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset399 is asset number 399 of the chain.
//
//asset: group=g9
func Asset399(ctx context.Context, asset398, asset199 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset398)+len(asset199))
	out = append(out, asset398...)
	for _, r := range asset199 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset400 is asset number 400 of the chain.
//
//asset: group=g0
func Asset400(ctx context.Context, asset399, asset200 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset399)+len(asset200))
	out = append(out, asset399...)
	for _, r := range asset200 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset401 is asset number 401 of the chain.
//
//asset: group=g1
func Asset401(ctx context.Context, asset400, asset200 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset400)+len(asset200))
	out = append(out, asset400...)
	for _, r := range asset200 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset402 is asset number 402 of the chain.
//
//asset: group=g2
func Asset402(ctx context.Context, asset401, asset201 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset401)+len(asset201))
	out = append(out, asset401...)
	for _, r := range asset201 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset403 is asset number 403 of the chain.
//
//asset: group=g3
func Asset403(ctx context.Context, asset402, asset201 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset402)+len(asset201))
	out = append(out, asset402...)
	for _, r := range asset201 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset404 is asset number 404 of the chain.
//
//asset: group=g4
func Asset404(ctx context.Context, asset403, asset202 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset403)+len(asset202))
	out = append(out, asset403...)
	for _, r := range asset202 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset405 is asset number 405 of the chain.
//
//asset: group=g5
func Asset405(ctx context.Context, asset404, asset202 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset404)+len(asset202))
	out = append(out, asset404...)
	for _, r := range asset202 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset406 is asset number 406 of the chain.
//
//asset: group=g6
func Asset406(ctx context.Context, asset405, asset203 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset405)+len(asset203))
	out = append(out, asset405...)
	for _, r := range asset203 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset407 is asset number 407 of the chain.
//
//asset: group=g7
func Asset407(ctx context.Context, asset406, asset203 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset406)+len(asset203))
	out = append(out, asset406...)
	for _, r := range asset203 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset408 is asset number 408 of the chain.
//
//asset: group=g8
func Asset408(ctx context.Context, asset407, asset204 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset407)+len(asset204))
	out = append(out, asset407...)
	for _, r := range asset204 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset409 is asset number 409 of the chain.
//
//asset: group=g9
func Asset409(ctx context.Context, asset408, asset204 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset408)+len(asset204))
	out = append(out, asset408...)
	for _, r := range asset204 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset410 is asset number 410 of the chain.
//
//asset: group=g0
func Asset410(ctx context.Context, asset409, asset205 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset409)+len(asset205))
	out = append(out, asset409...)
	for _, r := range asset205 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset411 is asset number 411 of the chain.
//
//asset: group=g1
func Asset411(ctx context.Context, asset410, asset205 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset410)+len(asset205))
	out = append(out, asset410...)
	for _, r := range asset205 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset412 is asset number 412 of the chain.
//
//asset: group=g2
func Asset412(ctx context.Context, asset411, asset206 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset411)+len(asset206))
	out = append(out, asset411...)
	for _, r := range asset206 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset413 is asset number 413 of the chain.
//
//asset: group=g3
func Asset413(ctx context.Context, asset412, asset206 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset412)+len(asset206))
	out = append(out, asset412...)
	for _, r := range asset206 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset414 is asset number 414 of the chain.
//
//asset: group=g4
func Asset414(ctx context.Context, asset413, asset207 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset413)+len(asset207))
	out = append(out, asset413...)
	for _, r := range asset207 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset415 is asset number 415 of the chain.
//
//asset: group=g5
func Asset415(ctx context.Context, asset414, asset207 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset414)+len(asset207))
	out = append(out, asset414...)
	for _, r := range asset207 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset416 is asset number 416 of the chain.
//
//asset: group=g6
func Asset416(ctx context.Context, asset415, asset208 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset415)+len(asset208))
	out = append(out, asset415...)
	for _, r := range asset208 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset417 is asset number 417 of the chain.
//
//asset: group=g7
func Asset417(ctx context.Context, asset416, asset208 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset416)+len(asset208))
	out = append(out, asset416...)
	for _, r := range asset208 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset418 is asset number 418 of the chain.
//
//asset: group=g8
func Asset418(ctx context.Context, asset417, asset209 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset417)+len(asset209))
	out = append(out, asset417...)
	for _, r := range asset209 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset419 is asset number 419 of the chain.
//
//asset: group=g9
func Asset419(ctx context.Context, asset418, asset209 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset418)+len(asset209))
	out = append(out, asset418...)
	for _, r := range asset209 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset420 is asset number 420 of the chain.
//
//asset: group=g0
func Asset420(ctx context.Context, asset419, asset210 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset419)+len(asset210))
	out = append(out, asset419...)
	for _, r := range asset210 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset421 is asset number 421 of the chain.
//
//asset: group=g1
func Asset421(ctx context.Context, asset420, asset210 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset420)+len(asset210))
	out = append(out, asset420...)
	for _, r := range asset210 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset422 is asset number 422 of the chain.
//
//asset: group=g2
func Asset422(ctx context.Context, asset421, asset211 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset421)+len(asset211))
	out = append(out, asset421...)
	for _, r := range asset211 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset423 is asset number 423 of the chain.
//
//asset: group=g3
func Asset423(ctx context.Context, asset422, asset211 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset422)+len(asset211))
	out = append(out, asset422...)
	for _, r := range asset211 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset424 is asset number 424 of the chain.
//
//asset: group=g4
func Asset424(ctx context.Context, asset423, asset212 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset423)+len(asset212))
	out = append(out, asset423...)
	for _, r := range asset212 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset425 is asset number 425 of the chain.
//
//asset: group=g5
func Asset425(ctx context.Context, asset424, asset212 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset424)+len(asset212))
	out = append(out, asset424...)
	for _, r := range asset212 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset426 is asset number 426 of the chain.
//
//asset: group=g6
func Asset426(ctx context.Context, asset425, asset213 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset425)+len(asset213))
	out = append(out, asset425...)
	for _, r := range asset213 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset427 is asset number 427 of the chain.
//
//asset: group=g7
func Asset427(ctx context.Context, asset426, asset213 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset426)+len(asset213))
	out = append(out, asset426...)
	for _, r := range asset213 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset428 is asset number 428 of the chain.
//
//asset: group=g8
func Asset428(ctx context.Context, asset427, asset214 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset427)+len(asset214))
	out = append(out, asset427...)
	for _, r := range asset214 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset429 is asset number 429 of the chain.
//
//asset: group=g9
func Asset429(ctx context.Context, asset428, asset214 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset428)+len(asset214))
	out = append(out, asset428...)
	for _, r := range asset214 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset430 is asset number 430 of the chain.
//
//asset: group=g0
func Asset430(ctx context.Context, asset429, asset215 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset429)+len(asset215))
	out = append(out, asset429...)
	for _, r := range asset215 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset431 is asset number 431 of the chain.
//
//asset: group=g1
func Asset431(ctx context.Context, asset430, asset215 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset430)+len(asset215))
	out = append(out, asset430...)
	for _, r := range asset215 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset432 is asset number 432 of the chain.
//
//asset: group=g2
func Asset432(ctx context.Context, asset431, asset216 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset431)+len(asset216))
	out = append(out, asset431...)
	for _, r := range asset216 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset433 is asset number 433 of the chain.
//
//asset: group=g3
func Asset433(ctx context.Context, asset432, asset216 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset432)+len(asset216))
	out = append(out, asset432...)
	for _, r := range asset216 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset434 is asset number 434 of the chain.
//
//asset: group=g4
func Asset434(ctx context.Context, asset433, asset217 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset433)+len(asset217))
	out = append(out, asset433...)
	for _, r := range asset217 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset435 is asset number 435 of the chain.
//
//asset: group=g5
func Asset435(ctx context.Context, asset434, asset217 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset434)+len(asset217))
	out = append(out, asset434...)
	for _, r := range asset217 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset436 is asset number 436 of the chain.
//
//asset: group=g6
func Asset436(ctx context.Context, asset435, asset218 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset435)+len(asset218))
	out = append(out, asset435...)
	for _, r := range asset218 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset437 is asset number 437 of the chain.
//
//asset: group=g7
func Asset437(ctx context.Context, asset436, asset218 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset436)+len(asset218))
	out = append(out, asset436...)
	for _, r := range asset218 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset438 is asset number 438 of the chain.
//
//asset: group=g8
func Asset438(ctx context.Context, asset437, asset219 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset437)+len(asset219))
	out = append(out, asset437...)
	for _, r := range asset219 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset439 is asset number 439 of the chain.
//
//asset: group=g9
func Asset439(ctx context.Context, asset438, asset219 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset438)+len(asset219))
	out = append(out, asset438...)
	for _, r := range asset219 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset440 is asset number 440 of the chain.
//
//asset: group=g0
func Asset440(ctx context.Context, asset439, asset220 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset439)+len(asset220))
	out = append(out, asset439...)
	for _, r := range asset220 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset441 is asset number 441 of the chain.
//
//asset: group=g1
func Asset441(ctx context.Context, asset440, asset220 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset440)+len(asset220))
	out = append(out, asset440...)
	for _, r := range asset220 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset442 is asset number 442 of the chain.
//
//asset: group=g2
func Asset442(ctx context.Context, asset441, asset221 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset441)+len(asset221))
	out = append(out, asset441...)
	for _, r := range asset221 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset443 is asset number 443 of the chain.
//
//asset: group=g3
func Asset443(ctx context.Context, asset442, asset221 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset442)+len(asset221))
	out = append(out, asset442...)
	for _, r := range asset221 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset444 is asset number 444 of the chain.
//
//asset: group=g4
func Asset444(ctx context.Context, asset443, asset222 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset443)+len(asset222))
	out = append(out, asset443...)
	for _, r := range asset222 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset445 is asset number 445 of the chain.
//
//asset: group=g5
func Asset445(ctx context.Context, asset444, asset222 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset444)+len(asset222))
	out = append(out, asset444...)
	for _, r := range asset222 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset446 is asset number 446 of the chain.
//
//asset: group=g6
func Asset446(ctx context.Context, asset445, asset223 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset445)+len(asset223))
	out = append(out, asset445...)
	for _, r := range asset223 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset447 is asset number 447 of the chain.
//
//asset: group=g7
func Asset447(ctx context.Context, asset446, asset223 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset446)+len(asset223))
	out = append(out, asset446...)
	for _, r := range asset223 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset448 is asset number 448 of the chain.
//
//asset: group=g8
func Asset448(ctx context.Context, asset447, asset224 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset447)+len(asset224))
	out = append(out, asset447...)
	for _, r := range asset224 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset449 is asset number 449 of the chain.
//
//asset: group=g9
func Asset449(ctx context.Context, asset448, asset224 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset448)+len(asset224))
	out = append(out, asset448...)
	for _, r := range asset224 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset450 is asset number 450 of the chain.
//
//asset: group=g0
func Asset450(ctx context.Context, asset449, asset225 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset449)+len(asset225))
	out = append(out, asset449...)
	for _, r := range asset225 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset451 is asset number 451 of the chain.
//
//asset: group=g1
func Asset451(ctx context.Context, asset450, asset225 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset450)+len(asset225))
	out = append(out, asset450...)
	for _, r := range asset225 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset452 is asset number 452 of the chain.
//
//asset: group=g2
func Asset452(ctx context.Context, asset451, asset226 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset451)+len(asset226))
	out = append(out, asset451...)
	for _, r := range asset226 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset453 is asset number 453 of the chain.
//
//asset: group=g3
func Asset453(ctx context.Context, asset452, asset226 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset452)+len(asset226))
	out = append(out, asset452...)
	for _, r := range asset226 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset454 is asset number 454 of the chain.
//
//asset: group=g4
func Asset454(ctx context.Context, asset453, asset227 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset453)+len(asset227))
	out = append(out, asset453...)
	for _, r := range asset227 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset455 is asset number 455 of the chain.
//
//asset: group=g5
func Asset455(ctx context.Context, asset454, asset227 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset454)+len(asset227))
	out = append(out, asset454...)
	for _, r := range asset227 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset456 is asset number 456 of the chain.
//
//asset: group=g6
func Asset456(ctx context.Context, asset455, asset228 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset455)+len(asset228))
	out = append(out, asset455...)
	for _, r := range asset228 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset457 is asset number 457 of the chain.
//
//asset: group=g7
func Asset457(ctx context.Context, asset456, asset228 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset456)+len(asset228))
	out = append(out, asset456...)
	for _, r := range asset228 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset458 is asset number 458 of the chain.
//
//asset: group=g8
func Asset458(ctx context.Context, asset457, asset229 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset457)+len(asset229))
	out = append(out, asset457...)
	for _, r := range asset229 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset459 is asset number 459 of the chain.
//
//asset: group=g9
func Asset459(ctx context.Context, asset458, asset229 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset458)+len(asset229))
	out = append(out, asset458...)
	for _, r := range asset229 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset460 is asset number 460 of the chain.
//
//asset: group=g0
func Asset460(ctx context.Context, asset459, asset230 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset459)+len(asset230))
	out = append(out, asset459...)
	for _, r := range asset230 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset461 is asset number 461 of the chain.
//
//asset: group=g1
func Asset461(ctx context.Context, asset460, asset230 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset460)+len(asset230))
	out = append(out, asset460...)
	for _, r := range asset230 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset462 is asset number 462 of the chain.
//
//asset: group=g2
func Asset462(ctx context.Context, asset461, asset231 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset461)+len(asset231))
	out = append(out, asset461...)
	for _, r := range asset231 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset463 is asset number 463 of the chain.
//
//asset: group=g3
func Asset463(ctx context.Context, asset462, asset231 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset462)+len(asset231))
	out = append(out, asset462...)
	for _, r := range asset231 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset464 is asset number 464 of the chain.
//
//asset: group=g4
func Asset464(ctx context.Context, asset463, asset232 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset463)+len(asset232))
	out = append(out, asset463...)
	for _, r := range asset232 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset465 is asset number 465 of the chain.
//
//asset: group=g5
func Asset465(ctx context.Context, asset464, asset232 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset464)+len(asset232))
	out = append(out, asset464...)
	for _, r := range asset232 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset466 is asset number 466 of the chain.
//
//asset: group=g6
func Asset466(ctx context.Context, asset465, asset233 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset465)+len(asset233))
	out = append(out, asset465...)
	for _, r := range asset233 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset467 is asset number 467 of the chain.
//
//asset: group=g7
func Asset467(ctx context.Context, asset466, asset233 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset466)+len(asset233))
	out = append(out, asset466...)
	for _, r := range asset233 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset468 is asset number 468 of the chain.
//
//asset: group=g8
func Asset468(ctx context.Context, asset467, asset234 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset467)+len(asset234))
	out = append(out, asset467...)
	for _, r := range asset234 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset469 is asset number 469 of the chain.
//
//asset: group=g9
func Asset469(ctx context.Context, asset468, asset234 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset468)+len(asset234))
	out = append(out, asset468...)
	for _, r := range asset234 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset470 is asset number 470 of the chain.
//
//asset: group=g0
func Asset470(ctx context.Context, asset469, asset235 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset469)+len(asset235))
	out = append(out, asset469...)
	for _, r := range asset235 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset471 is asset number 471 of the chain.
//
//asset: group=g1
func Asset471(ctx context.Context, asset470, asset235 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset470)+len(asset235))
	out = append(out, asset470...)
	for _, r := range asset235 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset472 is asset number 472 of the chain.
//
//asset: group=g2
func Asset472(ctx context.Context, asset471, asset236 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset471)+len(asset236))
	out = append(out, asset471...)
	for _, r := range asset236 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset473 is asset number 473 of the chain.
//
//asset: group=g3
func Asset473(ctx context.Context, asset472, asset236 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset472)+len(asset236))
	out = append(out, asset472...)
	for _, r := range asset236 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset474 is asset number 474 of the chain.
//
//asset: group=g4
func Asset474(ctx context.Context, asset473, asset237 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset473)+len(asset237))
	out = append(out, asset473...)
	for _, r := range asset237 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset475 is asset number 475 of the chain.
//
//asset: group=g5
func Asset475(ctx context.Context, asset474, asset237 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset474)+len(asset237))
	out = append(out, asset474...)
	for _, r := range asset237 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset476 is asset number 476 of the chain.
//
//asset: group=g6
func Asset476(ctx context.Context, asset475, asset238 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset475)+len(asset238))
	out = append(out, asset475...)
	for _, r := range asset238 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset477 is asset number 477 of the chain.
//
//asset: group=g7
func Asset477(ctx context.Context, asset476, asset238 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset476)+len(asset238))
	out = append(out, asset476...)
	for _, r := range asset238 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset478 is asset number 478 of the chain.
//
//asset: group=g8
func Asset478(ctx context.Context, asset477, asset239 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset477)+len(asset239))
	out = append(out, asset477...)
	for _, r := range asset239 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset479 is asset number 479 of the chain.
//
//asset: group=g9
func Asset479(ctx context.Context, asset478, asset239 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset478)+len(asset239))
	out = append(out, asset478...)
	for _, r := range asset239 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset480 is asset number 480 of the chain.
//
//asset: group=g0
func Asset480(ctx context.Context, asset479, asset240 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset479)+len(asset240))
	out = append(out, asset479...)
	for _, r := range asset240 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset481 is asset number 481 of the chain.
//
//asset: group=g1
func Asset481(ctx context.Context, asset480, asset240 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset480)+len(asset240))
	out = append(out, asset480...)
	for _, r := range asset240 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset482 is asset number 482 of the chain.
//
//asset: group=g2
func Asset482(ctx context.Context, asset481, asset241 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset481)+len(asset241))
	out = append(out, asset481...)
	for _, r := range asset241 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset483 is asset number 483 of the chain.
//
//asset: group=g3
func Asset483(ctx context.Context, asset482, asset241 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset482)+len(asset241))
	out = append(out, asset482...)
	for _, r := range asset241 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset484 is asset number 484 of the chain.
//
//asset: group=g4
func Asset484(ctx context.Context, asset483, asset242 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset483)+len(asset242))
	out = append(out, asset483...)
	for _, r := range asset242 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset485 is asset number 485 of the chain.
//
//asset: group=g5
func Asset485(ctx context.Context, asset484, asset242 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset484)+len(asset242))
	out = append(out, asset484...)
	for _, r := range asset242 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset486 is asset number 486 of the chain.
//
//asset: group=g6
func Asset486(ctx context.Context, asset485, asset243 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset485)+len(asset243))
	out = append(out, asset485...)
	for _, r := range asset243 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset487 is asset number 487 of the chain.
//
//asset: group=g7
func Asset487(ctx context.Context, asset486, asset243 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset486)+len(asset243))
	out = append(out, asset486...)
	for _, r := range asset243 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset488 is asset number 488 of the chain.
//
//asset: group=g8
func Asset488(ctx context.Context, asset487, asset244 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset487)+len(asset244))
	out = append(out, asset487...)
	for _, r := range asset244 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset489 is asset number 489 of the chain.
//
//asset: group=g9
func Asset489(ctx context.Context, asset488, asset244 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset488)+len(asset244))
	out = append(out, asset488...)
	for _, r := range asset244 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset490 is asset number 490 of the chain.
//
//asset: group=g0
func Asset490(ctx context.Context, asset489, asset245 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset489)+len(asset245))
	out = append(out, asset489...)
	for _, r := range asset245 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset491 is asset number 491 of the chain.
//
//asset: group=g1
func Asset491(ctx context.Context, asset490, asset245 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset490)+len(asset245))
	out = append(out, asset490...)
	for _, r := range asset245 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset492 is asset number 492 of the chain.
//
//asset: group=g2
func Asset492(ctx context.Context, asset491, asset246 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset491)+len(asset246))
	out = append(out, asset491...)
	for _, r := range asset246 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset493 is asset number 493 of the chain.
//
//asset: group=g3
func Asset493(ctx context.Context, asset492, asset246 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset492)+len(asset246))
	out = append(out, asset492...)
	for _, r := range asset246 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset494 is asset number 494 of the chain.
//
//asset: group=g4
func Asset494(ctx context.Context, asset493, asset247 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset493)+len(asset247))
	out = append(out, asset493...)
	for _, r := range asset247 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset495 is asset number 495 of the chain.
//
//asset: group=g5
func Asset495(ctx context.Context, asset494, asset247 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset494)+len(asset247))
	out = append(out, asset494...)
	for _, r := range asset247 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset496 is asset number 496 of the chain.
//
//asset: group=g6
func Asset496(ctx context.Context, asset495, asset248 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset495)+len(asset248))
	out = append(out, asset495...)
	for _, r := range asset248 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset497 is asset number 497 of the chain.
//
//asset: group=g7
func Asset497(ctx context.Context, asset496, asset248 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset496)+len(asset248))
	out = append(out, asset496...)
	for _, r := range asset248 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset498 is asset number 498 of the chain.
//
//asset: group=g8
func Asset498(ctx context.Context, asset497, asset249 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset497)+len(asset249))
	out = append(out, asset497...)
	for _, r := range asset249 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset499 is asset number 499 of the chain.
//
//asset: group=g9
func Asset499(ctx context.Context, asset498, asset249 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset498)+len(asset249))
	out = append(out, asset498...)
	for _, r := range asset249 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

