import { defineMessages } from './i18n';

/** The roles of the record, as people name them. */
export const roleMessages = defineMessages({
  vi: {
    'plan-coordinator': 'Điều phối kế hoạch',
    'unit-reporter': 'Cán bộ báo cáo',
    'unit-head': 'Thủ trưởng đơn vị',
    viewer: 'Theo dõi',
    auditor: 'Kiểm tra, thanh tra',
    'integration-client': 'Hệ thống tích hợp',
    'integration-admin': 'Quản trị tích hợp',
  },
  en: {
    'plan-coordinator': 'Plan coordinator',
    'unit-reporter': 'Reporter',
    'unit-head': 'Head of unit',
    viewer: 'Viewer',
    auditor: 'Auditor',
    'integration-client': 'Integrating system',
    'integration-admin': 'Integration admin',
  },
});
