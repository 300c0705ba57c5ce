import { defineMessages } from './i18n';

export const layoutMessages = defineMessages({
  vi: {
    appName: 'Sổ cái dân chủ cơ sở',
    skip: 'Bỏ qua đến nội dung chính',
    nav: 'Điều hướng chính',
    dashboard: 'Tổng quan',
    work: 'Công việc của đơn vị',
    reporting: 'Báo cáo',
    audit: 'Lịch sử, kiểm tra',
    language: 'Ngôn ngữ',
    signOut: 'Đăng xuất',
    loading: 'Đang tải…',
    notFound: 'Không tìm thấy trang này.',
    menu: 'Trình đơn',
  },
  en: {
    appName: 'Grassroots Ledger',
    skip: 'Skip to main content',
    nav: 'Main navigation',
    dashboard: 'Dashboard',
    work: "Unit's work",
    reporting: 'Reporting',
    audit: 'History and audit',
    language: 'Language',
    signOut: 'Sign out',
    loading: 'Loading…',
    notFound: 'There is no such page.',
    menu: 'Menu',
  },
});
