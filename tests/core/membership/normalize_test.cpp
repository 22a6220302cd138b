#include "core/membership/normalize.h"

#include <doctest/doctest.h>

using namespace nx::membership;

TEST_SUITE("membership") {

TEST_CASE("fold_text: trimmed, half-width, lower case, no spaces") {
  CHECK(fold_text("  美团 外卖 ") == "美团外卖");
  CHECK(fold_text("ＭＥＩＴＵＡＮ") == "meituan");
  CHECK(fold_text("Meituan\u3000Waimai") == "meituanwaimai");
  CHECK(fold_text("（南京）") == "(南京)");
  CHECK(fold_text("") == "");
}

TEST_CASE("normalize_employer: legal-form suffixes do not make another employer") {
  CHECK(normalize_employer("顺丰速运有限公司") == "顺丰速运");
  CHECK(normalize_employer("顺丰速运") == "顺丰速运");
  CHECK(normalize_employer(" 顺丰速运 公司 ") == "顺丰速运");
  CHECK(normalize_employer("顺丰速运股份有限公司") == "顺丰速运");
  CHECK(normalize_employer("顺丰速运有限责任公司") == "顺丰速运");
  CHECK(normalize_employer("Meituan Co., Ltd.") == "meituan");
  CHECK(normalize_employer("MEITUAN INC.") == "meituan");
  CHECK(normalize_employer("Meituan, Inc.") == "meituan");
  CHECK(normalize_employer("Ｍｅｉｔｕａｎ　Ｌｉｍｉｔｅｄ") == "meituan");
  CHECK(normalize_employer("Didi Corporation") == "didi");
}

TEST_CASE("normalize_employer: careful where a suffix is part of who they are") {
  // A branch is not its head office.
  CHECK(normalize_employer("顺丰速运泰州分公司") == "顺丰速运泰州分公司");
  CHECK(normalize_employer("顺丰速运泰州分公司") != normalize_employer("顺丰速运"));
  // Different cities stay different.
  CHECK(normalize_employer("顺丰速运（南京）有限公司") == "顺丰速运(南京)");
  CHECK(normalize_employer("顺丰速运(南京)有限公司") == normalize_employer("顺丰速运（南京）有限公司"));
  CHECK(normalize_employer("顺丰速运（南京）有限公司") != normalize_employer("顺丰速运（泰州）有限公司"));
  // A group is not its subsidiary.
  CHECK(normalize_employer("美团集团") != normalize_employer("美团"));
  // Never down to nothing: a name that is only a suffix stays.
  CHECK(normalize_employer("有限公司") == "有限公司");
  CHECK(normalize_employer("公司") == "公司");
  CHECK(normalize_employer("Ltd") == "ltd");
  CHECK(normalize_employer("   ") == "");
}

TEST_CASE("normalize_person_name: the middle dot of minority names typed many ways") {
  CHECK(normalize_person_name("阿卜杜·热合曼") == normalize_person_name("阿卜杜・热合曼"));
  CHECK(normalize_person_name("阿卜杜•热合曼") == normalize_person_name("阿卜杜.热合曼"));
  CHECK(normalize_person_name(" 张 三 ") == "张三");
  CHECK(normalize_person_name("Zhang San") == "zhangsan");
  CHECK(normalize_person_name("张三") != normalize_person_name("张叁"));
}

TEST_CASE("folding survives bytes that are not UTF-8") {
  CHECK(fold_text(std::string("\xff\xfe" "ab")) == "\xEF\xBF\xBD\xEF\xBF\xBD" "ab");
  CHECK_NOTHROW(normalize_employer(std::string("\xc3")));
}

}
