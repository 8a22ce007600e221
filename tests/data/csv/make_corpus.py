#!/usr/bin/python3
"""Writes the CSV reader's test corpus (odd and broken files) into this folder.

The files are checked in; this script documents their exact bytes (line ends, BOM, Latin-1)
and regenerates them:  /usr/bin/python3 make_corpus.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

FILES = {
    # --- quoting
    "quoted_newlines.csv":
        b'id,comment,score\n1,"first line\nsecond line",3.5\n2,"crlf\r\ninside",4\n3,plain,5\n',
    "embedded_delimiters.csv":
        b'name,address,value\n"Smith, John","12 Main St, Apt 3",1\n"Doe, Jane",5 Oak Ave,2\n',
    "doubled_quotes.csv":
        b'quote,n\n"He said ""hi""",1\n"""quoted""",2\n"",3\n',
    "quoted_numbers.csv": b'a,b\n"1.5","x"\n"2","y"\n',
    # --- encodings and line ends
    "bom.csv": b"\xef\xbb\xbfa,b\n1,2\n3,4\n",
    "crlf.csv": b"x,y\r\n1,a\r\n2,b\r\n",
    "lone_cr.csv": b"x,y\r1,a\r2,b\r3,c",
    "mixed_line_ends.csv": b"a,b\r\n1,2\n3,4\r5,6\r\n",
    "no_trailing_newline.csv": b"a,b\n1,2\n3,4",
    "blank_lines.csv": b"\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n",
    "latin1.csv": "cidade;população\nSão Paulo;12,3\nBrasília;4,8\n".encode("latin-1"),
    "categories_sorted.csv":
        "label\nbanana\nÁgua\napple\nBanana\nzebra\nágua\n".encode("utf-8"),
    # --- delimiters, decimals, numbers
    "semicolon_decimal_comma.csv":
        "produto;preco;quantidade\nCafé;1.234,56;10\nAçúcar;12,5;1.000\nFeijão;-0,75;2\n"
        .encode("utf-8"),
    "decimal_comma_bad_group.csv": b"a;b;c\n1.234,5;x;0,5\n1.23;y;1,5\n",
    "tab.tsv": b"a\tb\tc\n1\t2\tx\n3\t4\ty\n",
    "pipe.csv": b"a|b\n1|2\n3|4\n",
    "whitespace_numbers.csv": b"a,b\n 1.5 ,x\n2  ,y\n  -3,z\n",
    "number_formats.csv": b"x\n+1.5\n1e3\n-2.5E-2\ninf\n-inf\n.5\n5.\n",
    "single_column.csv": b"value\n1\n2\n3\n",
    # --- headers
    "no_header.csv": b"1,2,3\n4,5,6\n",
    "all_text_header.csv": b"color,size\nred,small\nblue,large\nred,large\n",
    "all_text_no_header.csv": b"yes,no\nno,yes\nyes,yes\n",
    "duplicate_names.csv": b"id,value,value,value\n1,2,3,4\n",
    "empty_names.csv": b",b,\n1,2,3\n4,5,6\n",
    "header_only.csv": b"a,b,c\n",
    "trailing_delimiter.csv": b"a,b,\n1,2,\n3,4,\n",
    # --- missing values
    "missing_tokens.csv":
        b"v,w\nNA,a\nN/A,b\nNaN,c\nnan,NA\nnull,\nNULL,  \n?,?\n ,d\n1.5,e\n,f\n",
    "missing_custom.csv": b"a,b\n1,-999\n-999,x\n",
    # --- broken files
    "ragged_short.csv": b"a,b,c\n1,2,3\n4,5\n6,7,8\n",
    "ragged_long.csv": b"a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n",
    "ragged_after_quoted_newline.csv": b'a,b\n"multi\nline",1\n2\n',
    "ragged_mixed_line_ends.csv": b"a,b\r\n1,2\r3,4\n5\r\n",
    "ragged_blank_lines.csv": b"a,b\n\n1,2\n\n3\n",
    "ragged_no_header.csv": b"1,2\n3,4,5\n",
    "unterminated_quote.csv": b'a,b\n1,"open\n2,x\n3,y\n',
    "garbage_after_quote.csv": b'a,b\n1,"x"y\n',
    "empty.csv": b"",
    "blank_lines_only.csv": b"\n\r\n\n",
    "invalid_utf8.csv": b"city,n\nRio,1\nS\xe3o Paulo,2\n",
}


def late_break():
    """A numeric column broken by a text token after the inference sample (1000 rows)."""
    lines = ["id,reading"]
    for i in range(1, 1201):
        lines.append(f"{i},{'n/d' if i == 1100 else i % 7}")
    return ("\n".join(lines) + "\n").encode()


FILES["late_break.csv"] = late_break()

if __name__ == "__main__":
    for name, data in FILES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    print(f"{len(FILES)} files written to {HERE}")
