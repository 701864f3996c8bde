/**
 * Four short reports from three regions, one a district its reports name two ways (`海拉尔区` in 2018,
 * `呼伦贝尔市海拉尔区` in 2019), each with the dateline that names its region and a paragraph on 乡村振兴: the corpus
 * of the Region list's tests (name → text).
 */
export const REGION_REPORTS: Readonly<Record<string, string>> = {
  'national-2024.txt': '政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n各位代表：\n\n一、2023年工作回顾\n\n我们坚持乡村振兴，推进农业现代化。\n\n二、2024年工作任务\n\n全面推进乡村振兴，加强耕地保护。\n',
  'guangdong-2025.txt': '政府工作报告\n——2025年1月20日在广东省第十四届人民代表大会第三次会议上\n\n各位代表：\n\n一、2024年工作回顾\n\n实施“百县千镇万村高质量发展工程”，推进乡村振兴。\n',
  'hailar-2018.txt': '政府工作报告\n——2018年3月7日在海拉尔区第十五届人民代表大会第二次会议上\n\n各位代表：\n\n一、2017年工作回顾\n\n乡村振兴起步良好，牧区道路全面硬化。\n',
  'hailar-2019.txt': '政府工作报告\n——2019年3月6日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上\n\n各位代表：\n\n一、2018年工作回顾\n\n乡村振兴扎实推进，奶业发展加快。\n',
};
