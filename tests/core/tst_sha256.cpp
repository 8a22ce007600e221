// core/util/Sha256 against the FIPS 180-2 test vectors.
#include "util/Sha256.h"

#include <QTest>

#include <string>

using namespace oficina::core;

class Sha256Test : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void vectors() {
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        // Fed piece by piece: the same digest as at once.
        Sha256 pieces;
        pieces.add("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
        QCOMPARE(pieces.hex(),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        Sha256 split;
        split.add("abcdbcdecdefdefgefgh");
        split.add("fghighijhijkijkljklmklmnlmnomnopnopq");
        QCOMPARE(split.hex(), sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "tst_sha256.moc"
