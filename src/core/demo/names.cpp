#include "core/demo/names.h"

#include <array>
#include <cstdio>
#include <string_view>

namespace nx::demo {

namespace {

// The most common surnames, most common first, so they come up about as often as in life.
constexpr std::array<std::string_view, 60> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "顾"};

constexpr std::array<std::string_view, 72> kGivenChars = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平",
    "刚", "辉", "鹏", "华", "飞", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "鑫", "亮", "志", "文", "海",
    "春", "红", "梅", "兰", "玲", "燕", "建", "国", "庆", "东", "峰", "龙", "成", "宏", "晨", "阳", "雪", "莉",
    "婷", "慧", "晓", "云", "新", "良", "林", "旭", "子", "正", "德", "荣", "永", "忠", "立", "金", "翔", "佳"};

// People named in the seed article (区总工会主席, 区委书记, ...): never used for demo people.
constexpr std::array<std::string_view, 6> kRealPeople = {"胡建萍", "孙群", "仲维军", "周斌", "戴顺阳", "金蕾"};

std::string make_name(Dice& dice) {
  std::string name(dice.pick(kSurnames));
  name += dice.pick(kGivenChars);
  if (dice.chance(0.8)) name += dice.pick(kGivenChars);
  return name;
}

constexpr std::array<int, 30> kMobilePrefixes = {130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155,
                                                 157, 158, 159, 173, 177, 178, 180, 181, 182, 183, 187, 188, 189, 191, 199};

}  // namespace

std::string person_name(Dice& dice) {
  for (;;) {
    std::string name = make_name(dice);
    bool real = false;
    for (std::string_view p : kRealPeople) real = real || name == p;
    if (!real) return name;
  }
}

std::string unique_mobile(Dice& dice, std::set<std::string>& used) {
  for (;;) {
    char buf[16];
    const int prefix = dice.pick(kMobilePrefixes);
    const int rest = dice.between(0, 99'999'999);
    std::snprintf(buf, sizeof buf, "%d%08d", prefix, rest);
    if (used.insert(buf).second) return buf;
  }
}

std::string landline(Dice& dice) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "0523-8%07d", dice.between(0, 9'999'999));
  return buf;
}

}  // namespace nx::demo
